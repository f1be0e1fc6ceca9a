"""allauth forms narrowed to how our people sign in."""

import hashlib

from allauth.account import app_settings as account_settings
from allauth.account.forms import ConfirmLoginCodeForm, RequestLoginCodeForm, VerifyPhoneForm
from allauth.core import context
from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from accounts.adapter import code_digest

TRIES_KEEP_SECONDS = 3600


class PhoneLoginCodeForm(RequestLoginCodeForm):
    """Codes go by SMS to a phone: staff sign in with email, password and an authenticator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields["phone"].required = True


def count_try(expected):
    """Count one try at the code whose digest is `expected`, in the shared cache, atomically, and
    return how many there were. allauth counts tries in the session, which parallel requests each
    read before any writes it back: twelve guesses at once were twelve "first" tries."""
    session = context.request.session.session_key or ""
    key = "code-tries:" + hashlib.sha256(f"{session}:{expected}".encode()).hexdigest()[:32]
    cache.add(key, 0, timeout=TRIES_KEEP_SECONDS)
    return cache.incr(key)


class HashedCodeMixin:
    """allauth holds only the digest of the code it sent (accounts.adapter): compare digests, after
    counting the try: past LOGIN_BY_CODE_MAX_ATTEMPTS even the right code is refused."""

    def clean_code(self):
        typed = self.cleaned_data["code"]
        if self.expected_code and count_try(self.expected_code) > account_settings.LOGIN_BY_CODE_MAX_ATTEMPTS:
            raise forms.ValidationError(_("Too many tries for this code: ask for a new one."))
        self.cleaned_data["code"] = code_digest(typed)
        super().clean_code()
        return typed


class PhoneConfirmCodeForm(HashedCodeMixin, ConfirmLoginCodeForm):
    """The 6 digits from the SMS: a number pad on phones and the code offered from the SMS."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code", "class": "code", "placeholder": ""}
        )


class HashedVerifyPhoneForm(HashedCodeMixin, VerifyPhoneForm):
    """Confirming a changed phone number with the code texted to it."""
