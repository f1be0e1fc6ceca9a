"""A number that texts STOP has its pending session reminders cleared at once (the outbox would
hold them back at sending time anyway; clearing shows the officer why they will not go). When it
texts START again, the reminders still to come for sessions it is registered for are queued
afresh: the person is still expected there, and a reminder is what they opted back in to.

Listens to messaging's own signals (messaging/signals.py), never to its tables."""

from django.dispatch import receiver
from django.utils import timezone

from messaging.signals import number_muted, number_unmuted
from trainings.models import Registration, TrainingSession
from trainings.reminders import clear_reminders, schedule_reminders


def _upcoming_registrations(phone, statuses):
    return Registration.objects.filter(
        phone=phone,
        status__in=statuses,
        session__status=TrainingSession.Status.SCHEDULED,
        session__starts_at__gt=timezone.now(),
    )


@receiver(number_muted, dispatch_uid="trainings_clear_muted_reminders")
def clear_reminders_of_muted_number(sender, phone, **kwargs):
    registrations = _upcoming_registrations(
        phone, [Registration.Status.REGISTERED, Registration.Status.WAITING]
    )
    clear_reminders(registrations, "number muted")


@receiver(number_unmuted, dispatch_uid="trainings_restore_unmuted_reminders")
def restore_reminders_of_unmuted_number(sender, phone, **kwargs):
    registrations = _upcoming_registrations(phone, [Registration.Status.REGISTERED])
    # A new round first: reminders queued while the number was muted were recorded as "muted"
    # under the current round's keys, and asking again with those keys would return them unsent.
    clear_reminders(registrations, "number unmuted")
    # Only reminders still ahead are queued (reminders.reminder_due drops those already past).
    schedule_reminders(
        list(registrations.select_related("session__course", "session__commune", "session__village"))
    )
