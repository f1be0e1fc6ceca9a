"""Finding due messages and handing them to workers in batches.

The periodic task `messaging.dispatch_due` calls `dispatch_due()`; batches go to the task
`messaging.send_batch` by name, so this module does not import the tasks that import it. A message
is marked "queued" and committed before its batch is published; if publishing fails (broker
down) it goes back to "scheduled". A message left "queued" longer than SMS_REQUEUE_AFTER (its task lost with a
dead worker or broker) is handed out again: sending is idempotent, so a second task is harmless.

Only what the workers can send well within SMS_REQUEUE_AFTER is in flight at once: a backlog
handed out whole (100,000 reminders at 10 texts a second) would sit queued past that limit and be
handed out again and again, and a sign-in code queued behind it would arrive minutes late.
"""

import logging
from datetime import datetime, timedelta

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from messaging import window
from messaging.models import Message, MessageEvent, Purpose, State
from messaging.signals import announce_moves
from messaging.states import move_many

logger = logging.getLogger(__name__)


def due_messages(now: datetime | None = None) -> QuerySet[Message]:
    """Messages to hand out now: due and scheduled (sign-in codes any hour), or stuck in queued."""
    now = now or timezone.now()
    due = Q(state=State.SCHEDULED, due_at__lte=now)
    if not window.is_open(now):
        due &= Q(purpose=Purpose.SIGN_IN)
    stuck = Q(state=State.QUEUED, queued_at__lt=_stuck_before(now))
    return Message.objects.filter(due | stuck).order_by("due_at", "pk")


def in_flight_limit() -> int:
    """Most messages handed out and not yet answered: SMS_HANDOUT_AHEAD_SECONDS of sending at the
    account's rate (no more than SMS_DISPATCH_LIMIT), or SMS_DISPATCH_LIMIT when the rate is unlimited."""
    most: int = settings.SMS_DISPATCH_LIMIT
    if not settings.SMS_RATE_PER_SECOND:
        return most
    ahead: int = settings.SMS_RATE_PER_SECOND * settings.SMS_HANDOUT_AHEAD_SECONDS
    return max(1, min(most, ahead))


def dispatch_due(limit: int | None = None) -> int:
    """Hand out due messages while fewer than `limit` are in flight; returns how many were handed out."""
    now = timezone.now()
    in_flight = Message.objects.filter(state=State.QUEUED, queued_at__gte=_stuck_before(now)).count()
    room = (limit or in_flight_limit()) - in_flight
    if room <= 0:
        return 0
    ids = list(due_messages(now).values_list("pk", flat=True)[:room])
    return hand_to_workers(ids)


def _stuck_before(now: datetime) -> datetime:
    return now - timedelta(seconds=settings.SMS_REQUEUE_AFTER)


def hand_to_workers(ids: list[int]) -> int:
    if not ids:
        return 0
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            Message.objects.select_for_update()
            .filter(pk__in=ids, state__in=[State.SCHEDULED, State.QUEUED])
            .values_list("pk", "state")
        )
        ids = [pk for pk, _ in rows]
        Message.objects.filter(pk__in=ids).update(state=State.QUEUED, queued_at=now, updated_at=now)
        MessageEvent.objects.bulk_create(
            MessageEvent(
                message_id=pk,
                from_state=state,
                to_state=State.QUEUED,
                at=now,
                note="handed to a worker" if state == State.SCHEDULED else "handed out again",
            )
            for pk, state in rows
        )
        announce_moves(ids, State.QUEUED)
    size = settings.SMS_BATCH_SIZE
    for start in range(0, len(ids), size):
        batch = ids[start : start + size]
        try:
            # A signature by name runs in process when tasks are eager (the embedded mode, tests).
            current_app.signature("messaging.send_batch", args=[batch]).delay()
        except Exception as error:  # noqa: BLE001  (broker down: kombu raises several kinds)
            logger.warning("SMS broker unavailable, %d messages stay scheduled: %s", len(batch), error)
            _back_to_scheduled(batch, f"broker unavailable: {type(error).__name__}")
    return len(ids)


def _back_to_scheduled(ids: list[int], note: str) -> None:
    move_many(Message.objects.filter(pk__in=ids), [State.QUEUED], State.SCHEDULED, note=note)
