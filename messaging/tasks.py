"""Celery tasks of the outbox. Both are idempotent: running one twice sends nothing twice."""

from celery import shared_task

from messaging.dispatch import dispatch_due as _dispatch_due
from messaging.sending import deliver


@shared_task(name="messaging.dispatch_due", acks_late=True, ignore_result=True)
def dispatch_due():
    """Periodic (CELERY_BEAT_SCHEDULE): hand due messages to `send_batch` in batches."""
    return _dispatch_due()


@shared_task(name="messaging.send_batch", acks_late=True, ignore_result=True)
def send_batch(message_ids):
    from messaging.providers import get_provider

    provider = get_provider()
    for message_id in message_ids:
        deliver(message_id, provider=provider)
