"""Bearer tokens for officers and provincial systems, after Wagtail 8's APIToken.

Wagtail's APIToken has no expiry and its own admin lets anyone mint one, so ours is a model of its
own with the same shape: only an HMAC of the token is stored, the plaintext is shown once, and a
recognisable prefix ("tcs_") lets secret scanners and people spot a leaked one. A token expires
within 365 days and carries nothing but its user: what it may read is that user's scope, now.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

PREFIX = "tcs_"
SALT = "api.token"
MAX_LIFETIME = timedelta(days=365)
SHOWN_PREFIX = len(PREFIX) + 4


def digest(plaintext, secret_key=None):
    return salted_hmac(SALT, plaintext, secret=secret_key, algorithm="sha256").hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="officer_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=120)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=16, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, name, lifetime=MAX_LIFETIME):
        """A new token for `user`, returned with its plaintext (never stored): (token, plaintext)."""
        plaintext = PREFIX + secrets.token_urlsafe(30)
        token = cls.objects.create(
            user=user,
            name=name,
            key_hash=digest(plaintext),
            prefix=plaintext[:SHOWN_PREFIX],
            expires_at=timezone.now() + min(lifetime, MAX_LIFETIME),
        )
        return token, plaintext

    @classmethod
    def live(cls, plaintext):
        """The unrevoked, unexpired token of an active user for `plaintext`, or None. Digests under
        SECRET_KEY_FALLBACKS count too, so a key rotation does not cut every province off."""
        if not plaintext.startswith(PREFIX):
            return None
        keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        return (
            cls.objects.select_related("user")
            .filter(
                key_hash__in=[digest(plaintext, key) for key in keys],
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
                user__is_active=True,
            )
            .first()
        )

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
