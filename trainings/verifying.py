"""A citizen's sign-up proves the phone: a code by SMS, a place held meanwhile, consent on confirming.

    request_code(session, full_name=…, phone=…, language=…) -> Pending
    confirm(pending, code) -> (Registration, link key)     raises WrongCode

Asking for a code never says whether the number is already signed up: a number with an active
place gets a text telling its holder so (and nothing is held), a new number gets a code, and the
person on the screen sees the same page either way. The code is stored as a keyed hash
(SECRET_KEY), so neither the database nor a copy of it reveals one; the link to one's own place
is a random key of which only the SHA-256 is kept.
"""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from messaging.models import Purpose
from messaging.outbox import queue_sms
from trainings import texts
from trainings.models import Registration, SignUpHold
from trainings.registering import sign_up
from vietnamese.phones import normalize_phone, parse_phone
from vietnamese.text import normalize

CODE_DIGITS = 6
MAX_WRONG_CODES = 5
ACTIVE = [Registration.Status.REGISTERED, Registration.Status.WAITING]


class WrongCode(Exception):
    """The code is not right, or no longer valid; str() is for the person on the screen."""


@dataclass
class Pending:
    """What the browser's session keeps between the two steps (no code, no hash)."""

    session: int
    hold: int | None  # None: the number was already signed up, nothing is held
    phone_shown: str
    expires: float  # a timestamp: the same for a held place and for a number already signed up
    wrong: int = 0


def _code_hash(hold_id, code):
    return salted_hmac("trainings.sign-up-code", f"{hold_id}:{code}").hexdigest()


def link_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def request_code(session, *, full_name, phone, language, now=None):
    """Hold a place and text a code, or tell an already signed-up number's holder by text."""
    phone = normalize_phone(phone)
    now = now or timezone.now()
    expires = now + timedelta(minutes=settings.TRAINING_SIGN_UP_HOLD_MINUTES)
    SignUpHold.objects.filter(expires_at__lte=now).delete()  # nobody's number kept past its use
    pending = Pending(
        session=session.pk, hold=None, phone_shown=parse_phone(phone).national, expires=expires.timestamp()
    )
    active = session.registrations.filter(phone=phone, status__in=ACTIVE).first()
    if active:
        _text_already_signed_up(active, session)
        return pending
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    with transaction.atomic():
        hold, _created = SignUpHold.objects.update_or_create(
            session=session,
            phone=phone,
            defaults={
                "full_name": normalize(full_name),
                "language": language,
                "wrong_codes": 0,
                "expires_at": expires,
            },
        )
        hold.code_hash = _code_hash(hold.pk, code)
        hold.save(update_fields=["code_hash"])
        _text_code(hold, session, code)
    pending.hold = hold.pk
    return pending


def confirm(pending, code, *, now=None):
    """The registration and the key of its link, when `code` is the one texted for `pending`.
    Raises WrongCode (counting the try in `pending`), RegistrationError (sign-up closed since)."""
    now = now or timezone.now()
    if now.timestamp() >= pending.expires:
        raise WrongCode(_("This code has expired. Sign up again to get a new code."))
    if pending.wrong >= MAX_WRONG_CODES:
        raise WrongCode(_("Too many wrong codes. Sign up again to get a new code."))
    code = "".join(ch for ch in str(code) if ch.isdigit())
    with transaction.atomic():
        hold = SignUpHold.objects.select_for_update().filter(pk=pending.hold, expires_at__gt=now).first()
        right = hold is not None and constant_time_compare(hold.code_hash, _code_hash(hold.pk, code))
        if right:
            fields = {"full_name": hold.full_name, "phone": hold.phone, "language": hold.language}
            hold.delete()
            registration = sign_up(hold.session, now=now, **fields)
            key = secrets.token_urlsafe(24)
            registration.link_hash = link_hash(key)
            registration.save(update_fields=["link_hash"])
            return registration, key
        pending.wrong += 1
        if hold is not None:
            hold.wrong_codes += 1
            if hold.wrong_codes >= MAX_WRONG_CODES:
                hold.delete()  # the place goes back to others
            else:
                hold.save(update_fields=["wrong_codes"])
    raise WrongCode(_("This code is not right. Check the text message and type its 6 digits."))


def _text_code(hold, session, code):
    with translation.override(hold.language):
        body = _('Your code to sign up for "%(course)s": %(code)s. It is valid for %(minutes)s minutes.') % {
            "course": session.course.title_in(hold.language),
            "code": "{secret}",
            "minutes": settings.TRAINING_SIGN_UP_HOLD_MINUTES,
        }
    # A sign-up code is asked for by the person holding the phone a moment ago, like a sign-in
    # code: it goes at any hour, masked in the outbox, its secret emptied once sent.
    queue_sms(
        hold.phone,
        body,
        purpose=Purpose.SIGN_IN,
        idempotency_key=f"training-sign-up-code:{uuid.uuid4().hex}",
        unaccented=True,
        commune=session.commune_id,
        secret=code,
    )


def _text_already_signed_up(registration, session):
    # The outbox keeps back the same text to the same number within 24 hours, so a stranger
    # trying the number again and again sends its holder one text a day at most.
    queue_sms(
        registration.phone,
        texts.already_signed_up(session, registration.language),
        purpose=Purpose.NOTICE,
        idempotency_key=f"training-sign-up-again:{registration.pk}:{uuid.uuid4().hex}",
        language=registration.language,
        unaccented=session.unaccented_sms,
        commune=session.commune_id,
    )
