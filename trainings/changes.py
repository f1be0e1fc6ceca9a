"""A session that moves or is cancelled: nobody is reminded of a time or place that is no more.

A move clears the pending reminders and queues new ones for the new time, each with a change
notice first. The outbox can move a message's due time, but a reminder's text names the time and
place, so moving the old text would announce the old time: new texts, new keys (the start is in
the key), and the old ones cleared.
"""

from django.db import transaction
from django.utils import timezone

from messaging.models import Message
from messaging.outbox import clear
from trainings import reminders
from trainings.models import Registration, SessionMessage, TrainingSession
from trainings.registering import promote_waiting

ACTIVE = [Registration.Status.REGISTERED, Registration.Status.WAITING]
# What a registrant is told changed: these fields are in the texts.
ANNOUNCED_FIELDS = ("starts_at", "address", "village_id", "commune_id", "online_url")


def needs_announcement(before, session):
    return any(getattr(before, name) != getattr(session, name) for name in ANNOUNCED_FIELDS)


def announce_move(session, *, now=None):
    """After `session` was saved with a new time or place."""
    now = now or timezone.now()
    with transaction.atomic():
        active = Registration.objects.filter(session=session, status__in=ACTIVE)
        reminders.clear_reminders(active, "session moved")
        fresh = list(active.select_related("session__course", "session__commune", "session__village"))
        reminders.send_notices(fresh, SessionMessage.Kind.MOVED)
        reminders.schedule_reminders(fresh, now)


def cancel(session):
    """Cancel `session`: every pending text about it is cleared, everyone signed up is told."""
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if session.status == TrainingSession.Status.CANCELLED:
            return session
        session.status = TrainingSession.Status.CANCELLED
        session.save(update_fields=["status", "updated_at"])
        clear(Message.objects.filter(training_link__registration__session=session), "session cancelled")
        active = Registration.objects.filter(session=session, status__in=ACTIVE).select_related(
            "session__course", "session__commune", "session__village"
        )
        reminders.send_notices(list(active), SessionMessage.Kind.CANCELLED)
    return session


def save_changes(session, before, *, now=None):
    """Save an edited session and tell the registrants what they need to know."""
    with transaction.atomic():
        session.save()
        if needs_announcement(before, session):
            announce_move(session, now=now)
        if session.capacity > before.capacity:
            promote_waiting(session, now=now)
    return session
