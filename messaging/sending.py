"""Sending one queued message, exactly once, whatever happens to the worker.

Celery delivers a task at least once (acks_late), and two tasks may hold the same message. So:
the message row is locked, only a "queued" message is sent, and `handed_at` is committed just
before the provider is called. A task that later finds `handed_at` set with no answer recorded
knows a worker died in between: it asks the provider whether the text arrived (Twilio lists
messages by recipient) and records it, and sends only when the provider has no trace of it.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from config import throttle
from messaging import consent, window
from messaging.models import SECRET_PLACEHOLDER, Message, Purpose, State
from messaging.providers import PermanentError, TransientError, get_provider
from messaging.secrets import unseal
from messaging.states import move


def backoff(attempts):
    """Seconds before attempt `attempts + 1`: exponential, capped."""
    return min(settings.SMS_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1), settings.SMS_RETRY_MAX_SECONDS)


def _wait_for_slot(account):
    """Block until `account` may send one more text within SMS_RATE_PER_SECOND, counted by every
    worker together: providers throttle an account (Twilio answers 429), and staying under the
    rate ourselves saves burning retries."""
    limit = settings.SMS_RATE_PER_SECOND
    while limit and not throttle.allow_key("sms_provider", account, rates=f"{limit}/s/key"):
        time.sleep(0.02)


def _claim(message_id, now):
    """Lock the message and decide: returns (message, action) with action in
    'send', 'check' (a previous hand-off has no recorded answer) or None (nothing to do)."""
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state != State.QUEUED:
            return message, None
        if message.handed_at:
            grace = timedelta(seconds=settings.SMS_HANDOFF_GRACE)
            # Another task may be talking to the provider right now: leave it be.
            return message, ("check" if now - message.handed_at > grace else None)
        if message.purpose != Purpose.SIGN_IN and not window.is_open(now):
            move(message, State.SCHEDULED, note="outside the sending window", due_at=window.next_opening(now))
            return message, None
        if message.purpose != Purpose.SIGN_IN and consent.is_muted(message.recipient):
            move(message, State.MUTED, note="recipient opted out")
            return message, None
        message.handed_at = now
        message.attempts += 1
        message.save(update_fields=["handed_at", "attempts", "updated_at"])
        return message, "send"


def _text_of(message):
    if SECRET_PLACEHOLDER not in message.body:
        return message.body
    secret = unseal(message.sealed_secret)
    return None if secret is None else message.body.replace(SECRET_PLACEHOLDER, secret)


def deliver(message_id, provider=None):
    """Send message `message_id` if it still needs sending; returns its state afterwards."""
    now = timezone.now()
    message, action = _claim(message_id, now)
    if action is None:
        return message.state if message else None
    provider = provider or get_provider()
    text = _text_of(message)
    if action == "check":
        try:
            found = provider.lookup(message.recipient, text, since=message.handed_at)
        except TransientError:
            return message.state  # still queued: the next hand-out asks again
        if found:
            return _record_sent(message, provider, found, note="found at the provider after a lost answer")
        if found is None:
            move(
                message,
                State.FAILED,
                note="worker stopped while handing over; not resent so it is never sent twice",
                error_code="uncertain",
            )
            return message.state
    if text is None:
        move(message, State.FAILED, note="sign-in code could not be read", error_code="secret")
        return message.state

    _wait_for_slot(provider.account)
    callback = settings.SITE_URL + reverse("messaging:twilio-status") if provider.name == "twilio" else None
    try:
        sent = provider.send(message.recipient, text, status_callback=callback)
    except TransientError as error:
        return _retry_or_fail(message, error)
    except PermanentError as error:
        if error.mutes:
            consent.mute(message.recipient, f"provider error {error.code}")
        move(
            message,
            State.FAILED,
            note=f"provider refused: {error.code}",
            provider_answer=error.answer,
            error_code=error.code,
            sealed_secret="",
        )
        return message.state
    return _record_sent(message, provider, sent)


def _record_sent(message, provider, sent, note="accepted by the provider"):
    move(
        message,
        State.SENT,
        note=note,
        provider_answer=sent.answer,
        provider=provider.name,
        provider_message_id=sent.message_id,
        sent_at=timezone.now(),
        sealed_secret="",
        error_code="",
    )
    return message.state


def _retry_or_fail(message, error):
    if message.attempts >= settings.SMS_MAX_ATTEMPTS:
        move(
            message,
            State.FAILED,
            note=f"gave up after {message.attempts} attempts",
            provider_answer=error.answer,
            error_code=error.code,
            sealed_secret="",
        )
    else:
        move(
            message,
            State.SCHEDULED,
            note=f"provider unavailable ({error.code}), retrying",
            provider_answer=error.answer,
            error_code=error.code,
            handed_at=None,
            due_at=timezone.now() + timedelta(seconds=backoff(message.attempts)),
        )
    return message.state
