"""Sending queued messages, exactly once, whatever happens to the worker.

Celery delivers a task at least once (acks_late), and two tasks may hold the same message. So:
the batch's rows are locked, only "queued" messages are sent, and `handed_at` is committed just
before the provider is called. A task that later finds `handed_at` set with no answer recorded
knows a worker died in between: it asks the provider whether the text arrived (Twilio lists
messages by recipient) and records it, and sends only when the provider has no trace of it.

A batch goes in three steps, so a worker sends hundreds of texts a second rather than tens:
1. one transaction claims the whole batch (one SELECT … FOR UPDATE, one UPDATE of `handed_at`);
2. SMS_SEND_THREADS threads talk to the provider at once through one shared HTTP connection
   pool, each text handed to a thread only once it has its slot of SMS_RATE_PER_SECOND; the
   threads never touch the database, the provider's latency is what they overlap;
3. one transaction records every answer (an UPDATE per kind of outcome, one INSERT of events).
What was committed in step 1 is what makes a crash in step 2 or 3 safe: those messages are found
with `handed_at` set and are looked up, never blindly resent.
"""

import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Literal

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from messaging import consent, optout, window
from messaging.models import SECRET_PLACEHOLDER, Message, Purpose, State
from messaging.providers import PermanentError, Provider, Sent, TransientError, get_provider
from messaging.secrets import unseal
from messaging.states import Move, move_each
from runtime import throttle

# What a task does with a claimed message: send it, or ask the provider whether it arrived.
Work = list[tuple[Message, Literal["send", "check"]]]
# The move to record for a message, and the provider's error code when it also mutes the number.
Outcome = tuple[Move, str | None] | None

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def backoff(attempts: int) -> float:
    """Seconds before attempt `attempts + 1`: exponential, capped."""
    seconds: float = min(
        settings.SMS_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1), settings.SMS_RETRY_MAX_SECONDS
    )
    return seconds


def _wait_for_slot(account: str) -> None:
    """Block until `account` may send one more text within SMS_RATE_PER_SECOND, counted by every
    worker together: providers throttle an account (Twilio answers 429), and staying under the
    rate ourselves saves burning retries. The n-th text of a second leaves (n - 1) / rate into
    it, and places whose time is past are skipped: texts go evenly spaced, never in a burst that
    late arrivals would crowd into the provider's next second."""
    limit = settings.SMS_RATE_PER_SECOND
    while limit:
        now = time.time()
        second = int(now)
        due = int((now - second) * limit) + 1  # the first place whose time is not past
        place = throttle.place_in_second("sms_provider", account, second, at_least=due)
        if place <= limit:
            time.sleep(max(0.0, second + (place - 1) / limit - now))
            return
        time.sleep(second + 1 - now)


def _claim(message_ids: Iterable[int], now: datetime) -> tuple[list[Message], Work]:
    """Lock the batch and decide for each message: returns (messages, work), `work` being
    (message, action) pairs with action 'send' or 'check' (a previous hand-off has no recorded
    answer). Messages held by the window or muted are moved here; the rest need nothing."""
    grace = timedelta(seconds=settings.SMS_HANDOFF_GRACE)
    with transaction.atomic():
        # In id order: two tasks holding overlapping batches lock in the same order, never deadlock.
        messages = list(Message.objects.select_for_update().filter(pk__in=message_ids).order_by("pk"))
        fresh = [m for m in messages if m.state == State.QUEUED and not m.handed_at]
        phones = {m.recipient for m in fresh if m.purpose != Purpose.SIGN_IN}
        muted = consent.muted_among(phones)
        # An opt-out link used since the message was queued counts too (messaging/optout.py).
        withdrawn = consent.withdrawn_among(phones, {m.purpose for m in fresh})
        is_open = window.is_open(now)
        work: Work = []
        held: list[Move] = []
        for message in messages:
            if message.state != State.QUEUED:
                continue
            if message.handed_at:
                # Another task may be talking to the provider right now: leave it be.
                if now - message.handed_at > grace:
                    work.append((message, "check"))
            elif message.purpose != Purpose.SIGN_IN and not is_open:
                fields = {"due_at": window.next_opening(now)}
                held.append((message, State.SCHEDULED, "outside the sending window", "", fields))
            elif message.purpose != Purpose.SIGN_IN and message.recipient in muted:
                held.append((message, State.MUTED, "recipient opted out", "", {}))
            elif (message.recipient, message.purpose) in withdrawn:
                held.append((message, State.DENIED, "consent withdrawn", "", {}))
            else:
                message.handed_at = now
                message.attempts += 1
                work.append((message, "send"))
        handed = [message.pk for message, action in work if action == "send"]
        Message.objects.filter(pk__in=handed).update(
            handed_at=now, attempts=F("attempts") + 1, updated_at=now
        )
        move_each(held)
    return messages, work


def _text_of(message: Message) -> str | None:
    body = optout.as_sent(message.body, message.recipient, message.purpose)
    if SECRET_PLACEHOLDER not in body:
        return body
    secret = unseal(message.sealed_secret)
    return None if secret is None else body.replace(SECRET_PLACEHOLDER, secret)


def deliver(message_id: int, provider: Provider | None = None) -> str | None:
    """Send message `message_id` if it still needs sending; returns its state afterwards."""
    return deliver_many([message_id], provider).get(message_id)


def deliver_many(message_ids: Iterable[int], provider: Provider | None = None) -> dict[int, str]:
    """Send the messages of `message_ids` that still need sending; returns {id: state}."""
    messages, work = _claim(message_ids, timezone.now())
    if work:
        provider = provider or get_provider()
        callback = (
            settings.SITE_URL + reverse("messaging:twilio-status") if provider.name == "twilio" else None
        )
        outcomes, error = _talk(work, provider, callback)
        moves = [outcome for outcome in outcomes if outcome]
        with transaction.atomic():
            move_each([move for move, _ in moves])
            for (message, *_), mutes in moves:
                if mutes:
                    consent.mute(message.recipient, f"provider error {mutes}")
        if error:
            raise error
    return {message.pk: message.state for message in messages}


def _talk(work: Work, provider: Provider, callback: str | None) -> tuple[list[Outcome], Exception | None]:
    """Each (message, action) through the provider, SMS_SEND_THREADS at a time; returns the
    outcomes in order (see _outcome) and the first unexpected error, raised once the others'
    answers are recorded (an unrecorded answer costs a look-up later)."""
    width = min(settings.SMS_SEND_THREADS, len(work))
    outcomes: list[Outcome] = []
    error: Exception | None = None
    if width <= 1:
        for message, action in work:
            _wait_for_slot(provider.account)
            try:
                outcomes.append(_outcome(message, action, provider, callback))
            except Exception as failure:  # noqa: BLE001  (raised by the caller once answers are saved)
                error = error or failure
        return outcomes, error
    free = threading.Semaphore(width)  # a slot is taken only when a thread can use it at once
    futures: list[Future[Outcome]] = []
    for message, action in work:
        free.acquire()
        _wait_for_slot(provider.account)  # here, not in the thread: the counter may be in the database
        future = _thread_pool().submit(_outcome, message, action, provider, callback)
        future.add_done_callback(lambda _: free.release())
        futures.append(future)
    for future in futures:
        try:
            outcomes.append(future.result())
        except Exception as failure:  # noqa: BLE001
            error = error or failure
    return outcomes, error


def _thread_pool() -> ThreadPoolExecutor:
    """One pool per worker process, made after the fork, shared by every batch it runs."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=settings.SMS_SEND_THREADS, thread_name_prefix="sms")
        return _pool


def _outcome(message: Message, action: str, provider: Provider, callback: str | None) -> Outcome:
    """Talk to the provider about one message (no database here: it runs in a sending thread).
    Returns ((message, to_state, note, provider_answer, fields), mute_code) or None when the
    message stays as it is."""
    text = _text_of(message)
    if action == "check":
        assert message.handed_at is not None  # a message is checked only once handed over (_claim)
        try:
            found = provider.lookup(message.recipient, text, since=message.handed_at)
        except TransientError:
            return None  # still queued: the next hand-out asks again
        if found:
            return _sent(message, provider, found, note="found at the provider after a lost answer")
        if found is None:
            note = "worker stopped while handing over; not resent so it is never sent twice"
            return (message, State.FAILED, note, "", {"error_code": "uncertain"}), None
    if text is None:
        return (message, State.FAILED, "sign-in code could not be read", "", {"error_code": "secret"}), None
    try:
        sent = provider.send(message.recipient, text, status_callback=callback)
    except TransientError as error:
        return _retry_or_fail(message, error), None
    except PermanentError as error:
        fields = {"error_code": error.code, "sealed_secret": ""}
        return (
            (message, State.FAILED, f"provider refused: {error.code}", error.answer, fields),
            error.code if error.mutes else None,
        )
    return _sent(message, provider, sent)


def _sent(
    message: Message, provider: Provider, sent: Sent, note: str = "accepted by the provider"
) -> Outcome:
    fields = {
        "provider": provider.name,
        "provider_message_id": sent.message_id,
        "sent_at": timezone.now(),
        "sealed_secret": "",
        "error_code": "",
    }
    return (message, State.SENT, note, sent.answer, fields), None


def _retry_or_fail(message: Message, error: TransientError) -> Move:
    if message.attempts >= settings.SMS_MAX_ATTEMPTS:
        note = f"gave up after {message.attempts} attempts"
        return message, State.FAILED, note, error.answer, {"error_code": error.code, "sealed_secret": ""}
    fields = {
        "error_code": error.code,
        "handed_at": None,
        "due_at": timezone.now() + timedelta(seconds=backoff(message.attempts)),
    }
    return message, State.SCHEDULED, f"provider unavailable ({error.code}), retrying", error.answer, fields
