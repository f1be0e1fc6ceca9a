"""Opting out by a link, because no text can come back: Twilio receives no SMS in Vietnam.

Every text but a sign-in code ends with "Stop: https://<site>/u/<code>". The code names one
number and one purpose; the page behind it texts that number a code (the "stop" door of
messaging/phone_proof.py) and, once the code is typed, withdraws consent for that purpose.

The code is derived, not stored: a keyed hash of number and purpose (LINK_CHARS letters and
digits, about 71 bits), so the outbox keeps only the placeholder {optout} in a body and puts the
code in at send time. The database keeps the code's SHA-256 beside the number and purpose it
opens, as it keeps invitation tokens: neither the link nor the page shows the number.

A withdrawal reaches texts already waiting: pending ones are cleared at once, and the worker
checks withdrawals again when it claims a batch (messaging/sending.py), so a text handed to a
worker a second before the stop is not sent either.
"""

import hashlib
import string
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from messaging import consent
from messaging.models import (
    OPTOUT_PLACEHOLDER,
    PENDING_STATES,
    ConsentMethod,
    Message,
    OptOutLink,
    Purpose,
    State,
)
from messaging.states import move_many

LINK_CHARS = 12
ALPHABET = string.ascii_letters + string.digits  # GSM-7 and URL-safe: the link costs no UCS-2


def code_for(phone: str, purpose: str) -> str:
    """The link code of (phone E.164, purpose): the same every time, unguessable without SECRET_KEY."""
    number = int.from_bytes(
        salted_hmac("messaging.opt-out", f"{phone}:{purpose}", algorithm="sha256").digest(), "big"
    )
    chars = []
    for _i in range(LINK_CHARS):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def path_for(code: str) -> str:
    """/u/<code>: written out, not reversed, because reverse() would quote the placeholder's braces
    (config/urls.py routes the same path; a test holds the two together)."""
    return f"/u/{code}"


def with_link(body: str, purpose: str, language: str) -> str:
    """`body` with the opt-out line a non-sign-in text ends with (the code as a placeholder)."""
    if purpose == Purpose.SIGN_IN:
        return body
    link = settings.SITE_URL + path_for(OPTOUT_PLACEHOLDER)
    with translation.override(language):
        return f"{body} " + _("Stop: %(link)s") % {"link": link}


def as_sent(body: str, phone: str, purpose: str) -> str:
    """The body with the real code where the placeholder stands."""
    if OPTOUT_PLACEHOLDER not in body:
        return body
    return body.replace(OPTOUT_PLACEHOLDER, code_for(phone, purpose))


def as_counted(body: str) -> str:
    """A stand-in of the sent text's length, for counting segments before any code exists."""
    return body.replace(OPTOUT_PLACEHOLDER, "x" * LINK_CHARS)


def remember_links(messages: Iterable[Message]) -> None:
    """Keep the hash of each message's link code, so the page can find number and purpose."""
    pairs = {(m.recipient, m.purpose, m.language) for m in messages if OPTOUT_PLACEHOLDER in m.body}
    OptOutLink.objects.bulk_create(
        [
            OptOutLink(
                digest=digest(code_for(phone, purpose)), phone=phone, purpose=purpose, language=language
            )
            for phone, purpose, language in pairs
        ],
        ignore_conflicts=True,
    )


def link_of(code: str) -> OptOutLink | None:
    """The OptOutLink the code opens, or None."""
    if len(code) != LINK_CHARS:
        return None
    return OptOutLink.objects.filter(digest=digest(code)).first()


def stop(link: OptOutLink) -> int:
    """Withdraw consent for the link's purpose and clear what waits for that number and purpose.
    Returns how many waiting texts were cleared."""
    with transaction.atomic():
        consent.record_consent(
            link.phone, link.purpose, ConsentMethod.SELF_SERVICE, granted=False, note="opt-out link"
        )
        # A text already handed to the provider (handed_at set) is the provider's: it is left alone.
        waiting = Message.objects.filter(
            recipient=link.phone, purpose=link.purpose, state__in=PENDING_STATES, handed_at__isnull=True
        )
        return move_many(waiting, PENDING_STATES, State.DENIED, note="stopped by the opt-out link")
