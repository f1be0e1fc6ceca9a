"""Celery finds an app's tasks in `<app>.tasks`."""

from celery import shared_task
from django.conf import settings

from cms import unanswered


@shared_task(acks_late=True)
def flush_unanswered_searches():
    """Every few minutes: the searches counted in the cache join editors' list (cms/unanswered.py)."""
    unanswered.flush([code for code, _name in settings.LANGUAGES])
