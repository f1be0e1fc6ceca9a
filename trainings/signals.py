"""A number that texts STOP has its pending session reminders cleared at once (the outbox would
hold them back at sending time anyway; clearing shows the officer why they will not go)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from messaging.models import MutedNumber
from trainings.models import Registration, TrainingSession


@receiver(post_save, sender=MutedNumber, dispatch_uid="trainings_clear_muted_reminders")
def clear_reminders_of_muted_number(sender, instance, created, **kwargs):
    from trainings.reminders import clear_reminders

    if not created:
        return
    registrations = Registration.objects.filter(
        phone=instance.phone,
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
        session__status=TrainingSession.Status.SCHEDULED,
        session__starts_at__gt=timezone.now(),
    )
    clear_reminders(registrations, "number muted")
