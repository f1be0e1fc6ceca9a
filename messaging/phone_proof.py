"""Proving a phone by a texted code, without an account: the door to pages a citizen opens with
nothing but their number ("my data" now; the forum and the opt-out page later).

    register_door(name, *, known, landing, title, reason, intro=None)
        in an app's ready(): who may get a code, where a proven visitor goes, the page's title
        and why the code is sent (both lazy texts)
    ask(request, door, phone) -> Pending              step one, after the form is valid
    check(request, code) -> phone | None              step two; raises TooManyTries
    proven_phone(request) -> "+84…" | None            what a page behind a door reads

A door texts only numbers the platform already holds (`known`), yet the person on the screen
must not learn whether it holds theirs: `ask` does the same work for every number (hash, session,
one task handed to Celery) and the page reads the same. Only the task, in a worker, asks `known`
and queues the text. The code never rests in clear: the session keeps a keyed hash, the task's
message carries it sealed (messaging/secrets.py), the outbox masks it and empties it once sent.
Wrong tries per code are counted with one atomic increment in the shared cache, so two browsers
(or two web processes) racing on one code still get MAX_TRIES tries between them.
"""

import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from messaging.models import Purpose
from messaging.outbox import queue_sms
from messaging.secrets import seal, unseal
from vietnamese.phones import parse_phone

CODE_DIGITS = 6
MAX_TRIES = 5
PENDING_KEY = "phone_proof_pending"
PROVEN_KEY = "phone_proof"


@dataclass(frozen=True)
class Door:
    name: str
    known: Callable[[str], bool]  # phone E.164 -> may this number get a code?
    landing: str  # URL name a proven visitor is sent to
    title: object  # lazy text: the heading of the proof pages ("My data")
    reason: object  # lazy text: "to open your data", read in the code's SMS
    intro: object = None  # lazy text above the number field; None: the "number you gave us" text


_DOORS: dict[str, Door] = {}


def register_door(
    name: str,
    *,
    known: Callable[[str], bool],
    landing: str,
    title: object,
    reason: object,
    intro: object = None,
) -> None:
    _DOORS[name] = Door(name, known, landing, title, reason, intro)


def door(name: str) -> Door | None:
    """The registered door, or None (an unknown name in a URL is a 404)."""
    return _DOORS.get(name)


class TooManyTries(Exception):
    """This code took MAX_TRIES wrong tries: the visitor asks for a new one."""


@dataclass
class Pending:
    """What the session keeps between the two steps: never the code, only its keyed hash."""

    door: str
    phone: str
    phone_shown: str
    nonce: str
    digest: str
    expires: float


def _digest(nonce: str, phone: str, code: str) -> str:
    return salted_hmac("messaging.phone-proof", f"{nonce}:{phone}:{code}", algorithm="sha256").hexdigest()


def ask(request: HttpRequest, door_name: str, phone: str, *, now: float | None = None) -> Pending:
    """Keep a new code's hash in the session and hand the texting to a worker; `phone` is E.164.
    The same steps whether or not the number is held."""
    now = now or time.time()
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    nonce = secrets.token_hex(16)
    pending = Pending(
        door=door_name,
        phone=phone,
        phone_shown=parse_phone(phone).national,
        nonce=nonce,
        digest=_digest(nonce, phone, code),
        expires=now + settings.PHONE_PROOF_CODE_MINUTES * 60,
    )
    request.session[PENDING_KEY] = asdict(pending)
    language = translation.get_language() or settings.LANGUAGE_CODE
    text_code.delay(door_name, phone, seal(code), nonce, language[:2])
    return pending


def pending(request: HttpRequest) -> Pending | None:
    stored = request.session.get(PENDING_KEY)
    return Pending(**stored) if stored else None


def _tries_key(nonce: str) -> str:
    return f"totechso:phone-proof-tries:{nonce}"


def check(request: HttpRequest, code: str, *, now: float | None = None) -> str | None:
    """The proven phone when `code` is the one texted for this session's pending proof (the
    session then remembers it, under a new session key), else None. Raises TooManyTries."""
    now = now or time.time()
    waiting = pending(request)
    if waiting is None or now >= waiting.expires:
        return None
    key = _tries_key(waiting.nonce)
    cache.add(key, 0, timeout=settings.PHONE_PROOF_CODE_MINUTES * 60)
    if cache.incr(key) > MAX_TRIES:
        raise TooManyTries
    code = "".join(ch for ch in str(code) if ch.isdigit())
    if not constant_time_compare(waiting.digest, _digest(waiting.nonce, waiting.phone, code)):
        return None
    cache.delete(key)
    del request.session[PENDING_KEY]
    request.session.cycle_key()  # whoever knew the old session key does not share the proof
    request.session[PROVEN_KEY] = {"phone": waiting.phone, "at": now}
    return waiting.phone


def proven_phone(request: HttpRequest, *, now: float | None = None) -> str | None:
    """The number this browser session proved by a code, while the proof lasts, or None."""
    proof = request.session.get(PROVEN_KEY)
    now = now or time.time()
    if not proof or now - proof["at"] > settings.PHONE_PROOF_VALID_MINUTES * 60:
        return None
    phone: str = proof["phone"]
    return phone


def forget(request: HttpRequest) -> None:
    request.session.pop(PROVEN_KEY, None)


@shared_task(name="messaging.text_phone_proof", acks_late=True, ignore_result=True)
def text_code(door_name: str, phone: str, sealed_code: str, nonce: str, language: str) -> None:
    """In a worker: text the code if the door lets this number in; say nothing otherwise."""
    door_ = door(door_name)
    code = unseal(sealed_code)
    if door_ is None or code is None or not door_.known(phone):
        return
    with translation.override(language):
        body = _("Your code %(reason)s: %(code)s. It is valid for %(minutes)s minutes.") % {
            "reason": door_.reason,
            "code": "{secret}",
            "minutes": settings.PHONE_PROOF_CODE_MINUTES,
        }
    queue_sms(
        phone,
        body,
        purpose=Purpose.SIGN_IN,
        idempotency_key=f"phone-proof:{nonce}",
        language=language,
        unaccented=True,
        secret=code,
    )
