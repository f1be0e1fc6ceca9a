"""allauth wired to our user model: phone sign-in by SMS code through the outbox.

allauth has no phone model of its own: the adapter must implement all five of
send_verification_code_sms, get_phone, set_phone, set_phone_verified and get_user_by_phone, and
nothing warns when one is missing (accounts/tests/test_sign_in.py calls each). Numbers are accepted in
any common Vietnamese form ("0912 345 678") and stored +84 E.164.

allauth keeps the code it sent in the session (the login stage's state, stored with the session)
and compares it with what is typed. So that the session table never holds the digits, the code it
is given to keep is a keyed hash; the digits themselves live only in this request until the SMS is
queued (where they are sealed, messaging/secrets.py), and accounts/forms.py compares hashes.
"""

import time
import uuid
from urllib.parse import urlsplit, urlunsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.fields import PhoneField
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.core.internal.cryptokit import normalize_user_code
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.areas import landing_url
from accounts.models import User
from messaging.models import Purpose
from messaging.outbox import queue_sms
from vietnamese.phones import InvalidPhone, normalize_phone


def code_digest(code):
    """What the session keeps instead of a sign-in code: useless without SECRET_KEY."""
    return salted_hmac("accounts.sign-in-code", normalize_user_code(code), algorithm="sha256").hexdigest()


def _codes_to_send(request):
    """Codes generated in this request, by digest, until their SMS is queued."""
    if not hasattr(request, "_sign_in_codes"):
        request._sign_in_codes = {}
    return request._sign_in_codes


def _on_site(url):
    """`url`'s path and query on SITE_URL, whatever host the request named."""
    parts = urlsplit(url)
    return settings.SITE_URL.rstrip("/") + urlunsplit(("", "", parts.path, parts.query, ""))


class _Undone(Exception):
    """Rolls back the work done for a number without an account."""


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # People join by invitation from an officer (accounts/invitations.py), never by themselves.
        return False

    def get_login_redirect_url(self, request):
        # Each role lands where its work is (accounts/areas.py; navigation registers the pages);
        # a safe `next` still wins, as allauth consults it before asking here.
        return landing_url(request.user)

    def is_reauthentication_required(self, *, app, **kwargs):
        # Staff are sent to enrol an authenticator right after signing in (accounts.middleware);
        # asking for the password they typed seconds ago would only be in the way.
        request = self.request
        if app == "allauth.mfa" and request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            if records and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_reset_password_from_key_url(self, key):
        """The reset link on SITE_URL: allauth builds it from the request's Host, which any allowed
        host name with any port can set, and a mailed link must lead to the real site only."""
        return _on_site(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return _on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def phone_form_field(self, **kwargs):
        kwargs.setdefault("label", _("Phone number"))
        kwargs["widget"] = forms.TextInput(
            attrs={"placeholder": "0912 345 678", "autocomplete": "tel", "type": "tel", "inputmode": "tel"}
        )
        # allauth's own validator demands "+84…" before clean_phone below can normalise it.
        kwargs["validators"] = []
        return PhoneField(**kwargs)

    def clean_phone(self, phone):
        try:
            return normalize_phone(phone)
        except InvalidPhone as error:
            raise forms.ValidationError(str(error)) from None

    def generate_phone_verification_code(self, *, user, phone):
        code = super().generate_phone_verification_code(user=user, phone=phone)
        digest = code_digest(code)
        _codes_to_send(context.request)[digest] = code
        return digest

    def send_unknown_account_sms(self, phone, **kwargs):
        """No account holds this number, so nothing is sent; but the same work as for a registered
        number is done (a code generated, its text queued) and rolled back, so how long the page
        takes to answer does not tell whether a number has an account."""
        try:
            with transaction.atomic():
                code = self.generate_phone_verification_code(user=None, phone=phone)
                self.send_verification_code_sms(None, phone, code)
                raise _Undone
        except _Undone:
            pass

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        # allauth hands back what it keeps (the digest); the digits were generated in this request.
        code = _codes_to_send(context.request).pop(code)
        with translation.override(getattr(user, "preferred_language", None) or "vi"):
            body = gettext("Your sign-in code for the community digital technology teams: %(code)s") % {
                "code": "{secret}"
            }
        # A fresh key per code: asking again must send the new code, not return the old message.
        queue_sms(
            phone,
            body,
            purpose=Purpose.SIGN_IN,
            idempotency_key=f"sign-in:{uuid.uuid4().hex}",
            unaccented=True,
            user=user,
            secret=code,
        )

    def get_phone(self, user):
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone(self, user, phone, verified):
        user.phone = phone
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def set_phone_verified(self, user, phone):
        if user.phone == phone and not user.phone_verified:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone):
        return User.objects.filter(phone=phone, is_active=True).first()
