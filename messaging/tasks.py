"""Celery tasks of the outbox. Both are idempotent: running one twice sends nothing twice."""

from celery import shared_task

from messaging.dispatch import dispatch_due as _dispatch_due
from messaging.providers import shared_provider
from messaging.sending import deliver_many


@shared_task(name="messaging.dispatch_due", acks_late=True, ignore_result=True)
def dispatch_due() -> int:
    """Periodic (CELERY_BEAT_SCHEDULE): hand due messages to `send_batch` in batches."""
    return _dispatch_due()


@shared_task(name="messaging.send_batch", acks_late=True, ignore_result=True)
def send_batch(message_ids: list[int]) -> None:
    """Called by name from messaging/dispatch.py."""
    deliver_many(message_ids, provider=shared_provider())
