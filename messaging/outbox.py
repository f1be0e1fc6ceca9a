"""The one way other apps send text messages. Stable API: names and signatures do not change.

    from messaging.outbox import queue_sms, queue_many, clear, reschedule
    from messaging.outbox import record_consent, has_consent, is_muted
    from messaging.models import Purpose, State

queue_sms(recipient_phone, body, *, purpose, idempotency_key, due_at=None, language="vi",
          unaccented=False, user=None, commune=None, secret=None) -> Message
    Puts one text in the outbox. `recipient_phone` in any common Vietnamese form (stored +84…;
    InvalidPhone if it is not a mobile number). `purpose` is a messaging.models.Purpose value.
    `idempotency_key` (max 200 chars) names the message for good: calling again with the same
    key returns the existing message and never makes a second one, whatever the other arguments.
    `due_at` (aware datetime, default now): the dispatcher sends it at or after that time, inside
    the sending window (07:00–21:00 Asia/Ho_Chi_Minh; sign-in codes go at once, any hour).
    `unaccented=True` strips diacritics to halve the cost. `commune` places the message on the map
    so officers of that unit see it in the admin. `secret`: a code to put where the body says
    "{secret}"; it is stored encrypted and masked, and emptied once sent.
    The message starts "scheduled", or "muted" (number opted out), "denied" (consent for this
    purpose withdrawn) or "duplicate" (same text, purpose and number already pending or sent in
    the last 24 hours under another key): those three are recorded and never sent.

queue_many(items) -> list[Message]
    The same for many at once (dicts with queue_sms's arguments), in bulk: for reminders to a
    whole province. Returns the messages in the order given.

preview_many(items) -> BulkPreview
    What queue_many(items) would send, without queuing anything: for the confirmation an
    officer sees before a bulk send. Each distinct text as it will go (accents stripped when
    asked), its encoding, segments and cost (messaging.segments.estimate, SMS_COST_PER_SEGMENT
    VND), and how many people it reaches; numbers that opted out (muted, or consent for the
    purpose withdrawn) are counted apart and cost nothing.

clear(messages, reason) -> int
    Makes pending (scheduled or queued) messages of the queryset moot ("cleared"), e.g. when a
    session is cancelled. Sent messages are left alone. Returns how many were cleared.

reschedule(messages, due_at) -> int
    Moves pending messages of the queryset to a new due time. Returns how many moved.

record_consent(phone, purpose, method, *, granted=True, note="", recorded_by=None,
               recorded_at=None) -> ConsentRecord
has_consent(phone, purpose) -> bool    the latest record for this purpose grants it
is_muted(phone) -> bool                the number texted STOP (or HUY, TU CHOI, DUNG)
mute(phone, reason, *, method=SMS_KEYWORD, recorded_by=None, recorded_at=None) -> MutedNumber
unmute(phone, reason, *, method=SMS_KEYWORD, recorded_by=None, recorded_at=None) -> bool
    Opt a number out of (or back into) everything but sign-in codes, as STOP and START texts do:
    for an opt-out given on paper, in person or by phone and written down by an officer.
when_it_goes(due=None) -> str          "now", or when the sending window lets a text go
                                       ("at 07:00 tomorrow (30/11)"): what pages announce
sending_window_open(moment) -> bool    whether texts other than sign-in codes may go at `moment`
sending_window_closed_before(moment) -> datetime
                                       when the window last closed at or before `moment` (for
                                       pulling a night reminder back to the evening)

Other apps listen to messaging/signals.py (number_muted, number_unmuted, message_state_changed),
never to ORM signals on messaging's tables.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Required, TypedDict

from django.db import models, transaction
from django.utils import timezone

from messaging import consent, optout
from messaging.dispatch import hand_to_workers
from messaging.models import (
    OPTOUT_PLACEHOLDER,
    PENDING_STATES,
    SECRET_MASK,
    SECRET_PLACEHOLDER,
    Message,
    MessageEvent,
    Purpose,
    State,
)
from messaging.secrets import seal
from messaging.segments import Estimate, count_segments, estimate
from messaging.segments import unaccented as strip_accents
from messaging.signals import announce_moves
from messaging.states import move_many
from messaging.window import is_open as sending_window_open
from messaging.window import last_closing as sending_window_closed_before
from messaging.window import when_it_goes
from vietnamese.phones import normalize_phone
from vietnamese.text import normalize

record_consent = consent.record_consent
has_consent = consent.has_consent
is_muted = consent.is_muted
mute = consent.mute
unmute = consent.unmute

DUPLICATE_WINDOW = timedelta(hours=24)
CHUNK = 1000

__all__ = [
    "clear",
    "has_consent",
    "is_muted",
    "mute",
    "preview_many",
    "queue_many",
    "queue_sms",
    "record_consent",
    "reschedule",
    "sending_window_closed_before",
    "sending_window_open",
    "unmute",
    "when_it_goes",
]


class Text(TypedDict, total=False):
    """One text for queue_many and preview_many: queue_sms's arguments."""

    recipient_phone: Required[str]
    body: Required[str]
    purpose: Required[str]
    idempotency_key: Required[str]
    due_at: datetime | None
    language: str
    unaccented: bool
    user: models.Model | int | None  # the user or their pk
    commune: models.Model | str | None  # the commune or its code
    secret: str | None


def queue_sms(
    recipient_phone: str,
    body: str,
    *,
    purpose: str,
    idempotency_key: str,
    due_at: datetime | None = None,
    language: str = "vi",
    unaccented: bool = False,
    user: models.Model | int | None = None,
    commune: models.Model | str | None = None,
    secret: str | None = None,
) -> Message:
    return queue_many(
        [
            {
                "recipient_phone": recipient_phone,
                "body": body,
                "purpose": purpose,
                "idempotency_key": idempotency_key,
                "due_at": due_at,
                "language": language,
                "unaccented": unaccented,
                "user": user,
                "commune": commune,
                "secret": secret,
            }
        ]
    )[0]


def queue_many(items: Iterable[Text]) -> list[Message]:
    items = list(items)
    result: dict[str, Message] = {}
    for start in range(0, len(items), CHUNK):
        result.update(_queue_chunk(items[start : start + CHUNK]))
    return [result[item["idempotency_key"]] for item in items]


def _body(item: Text) -> str:
    """The text as it is stored and sent: with its opt-out link, unless it is a sign-in code."""
    body = optout.with_link(
        normalize(item["body"]) or "", Purpose(item["purpose"]), item.get("language") or "vi"
    )
    return strip_accents(body) if item.get("unaccented") else body


def _new_message(item: Text, now: datetime) -> Message:
    body = _body(item)
    secret = item.get("secret")
    if secret is not None and SECRET_PLACEHOLDER not in body:
        raise ValueError("a message with a secret needs {secret} in its body")
    counted = count_segments(optout.as_counted(body.replace(SECRET_PLACEHOLDER, secret or "")))
    user = item.get("user")
    commune = item.get("commune")
    return Message(
        recipient=normalize_phone(item["recipient_phone"]),
        body=body,
        sealed_secret=seal(secret) if secret is not None else "",
        purpose=Purpose(item["purpose"]),
        idempotency_key=item["idempotency_key"],
        due_at=item.get("due_at") or now,
        language=item.get("language") or "vi",
        user_id=getattr(user, "pk", user),
        commune_id=getattr(commune, "pk", commune),
        encoding=counted.encoding,
        segments=counted.segments,
        created_at=now,
    )


def _fingerprint(recipient: str, purpose: str, body: str) -> str:
    return hashlib.sha256(f"{recipient}|{purpose}|{body}".encode()).hexdigest()


def _queue_chunk(items: list[Text]) -> dict[str, Message]:
    keys = [item["idempotency_key"] for item in items]
    existing = {m.idempotency_key: m for m in Message.objects.filter(idempotency_key__in=keys)}
    now = timezone.now()
    fresh: dict[str, Message] = {}
    for item in items:
        key = item["idempotency_key"]
        if key not in existing and key not in fresh:
            fresh[key] = _new_message(item, now)
    if not fresh:
        return existing

    phones = {m.recipient for m in fresh.values()}
    muted = consent.muted_among(phones)
    withdrawn = consent.withdrawn_among(phones, {m.purpose for m in fresh.values()})
    recent = {
        _fingerprint(*row)
        for row in Message.objects.filter(
            recipient__in=phones,
            state__in=[State.SCHEDULED, State.QUEUED, State.SENT, State.DELIVERED],
            created_at__gte=now - DUPLICATE_WINDOW,
        )
        .exclude(purpose=Purpose.SIGN_IN)
        .values_list("recipient", "purpose", "body")
    }
    notes: dict[str, str] = {}
    for message in fresh.values():
        if message.purpose == Purpose.SIGN_IN:
            # Asked for a minute ago by the person holding the phone: always goes.
            continue
        fingerprint = _fingerprint(message.recipient, message.purpose, message.body)
        if message.recipient in muted:
            message.state, notes[message.idempotency_key] = State.MUTED, "recipient opted out"
        elif (message.recipient, message.purpose) in withdrawn:
            message.state, notes[message.idempotency_key] = State.DENIED, "consent withdrawn"
        elif fingerprint in recent:
            message.state, notes[message.idempotency_key] = State.DUPLICATE, "same text already sent"
        recent.add(fingerprint)

    with transaction.atomic():
        # ignore_conflicts: a key queued by a concurrent caller since our look-up wins.
        Message.objects.bulk_create(fresh.values(), ignore_conflicts=True)
        created = Message.objects.filter(idempotency_key__in=list(fresh), created_at=now)
        stored = {m.idempotency_key: m for m in created}
        optout.remember_links(stored.values())
        MessageEvent.objects.bulk_create(
            MessageEvent(
                message=m,
                to_state=m.state,
                at=now,
                note=notes.get(key, "queued"),
            )
            for key, m in stored.items()
        )
        for state in {m.state for m in stored.values()}:
            announce_moves([m.pk for m in stored.values() if m.state == state], state)
        if len(stored) < len(fresh):
            stored |= {
                m.idempotency_key: m
                for m in Message.objects.filter(idempotency_key__in=[k for k in fresh if k not in stored])
            }
    sign_in = [m.pk for m in stored.values() if m.purpose == Purpose.SIGN_IN and m.state == State.SCHEDULED]
    if sign_in:
        transaction.on_commit(lambda: hand_to_workers(sign_in))
    return existing | stored


@dataclass(frozen=True)
class TextPreview:
    body: str  # as it will be sent
    purpose: str
    due_at: datetime | None  # the earliest; None: at once
    estimate: Estimate  # recipients: the messages of this text that will go

    @property
    def unaccented_body(self) -> str | None:
        """The variant without diacritics, worth offering only when the text is UCS-2."""
        return strip_accents(self.body) if self.estimate.encoding == "ucs2" else None


@dataclass(frozen=True)
class BulkPreview:
    texts: list[TextPreview]  # in the order first met
    recipients: int  # distinct numbers that get at least one text
    opted_out: int  # distinct numbers that get none: muted, or consent withdrawn

    @property
    def messages(self) -> int:
        return sum(text.estimate.recipients for text in self.texts)

    @property
    def segments(self) -> int:
        return sum(text.estimate.segments_each * text.estimate.recipients for text in self.texts)

    @property
    def cost(self) -> int:
        return sum(text.estimate.cost for text in self.texts)

    @property
    def unaccented_cost(self) -> int:
        return sum(text.estimate.unaccented_cost for text in self.texts)


def preview_many(items: Iterable[Text]) -> BulkPreview:
    items = [{**item, "recipient_phone": normalize_phone(item["recipient_phone"])} for item in items]
    phones = {item["recipient_phone"] for item in items}
    muted = consent.muted_among(phones)
    withdrawn = consent.withdrawn_among(phones, {item["purpose"] for item in items})
    groups: dict[tuple[str, Purpose], dict[str, Any]] = {}
    reached: set[str] = set()
    for item in items:
        phone, purpose = item["recipient_phone"], Purpose(item["purpose"])
        group = groups.setdefault((_body(item), purpose), {"count": 0, "due": []})
        if item.get("due_at"):
            group["due"].append(item["due_at"])
        if phone not in muted and (phone, purpose) not in withdrawn:
            group["count"] += 1
            reached.add(phone)
    texts = [
        TextPreview(
            body.replace(OPTOUT_PLACEHOLDER, SECRET_MASK),
            purpose,
            min(group["due"], default=None),
            estimate(optout.as_counted(body), group["count"]),
        )
        for (body, purpose), group in groups.items()
    ]
    return BulkPreview(texts, recipients=len(reached), opted_out=len(phones - reached))


def clear(messages: models.QuerySet[Message], reason: str) -> int:
    return move_many(messages, PENDING_STATES, State.CLEARED, note=reason)


def reschedule(messages: models.QuerySet[Message], due_at: datetime) -> int:
    return move_many(messages, PENDING_STATES, State.SCHEDULED, note="rescheduled", due_at=due_at)
