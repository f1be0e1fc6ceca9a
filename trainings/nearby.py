"""Finding upcoming public sessions near a place a citizen types, with or without diacritics."""

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils import timezone

from places.models import Commune, Province, Village
from trainings.models import Registration, TrainingSession


def sessions_near(text, now=None):
    """Upcoming citizen sessions in the villages, communes or provinces named `text`: the
    matching village's own sessions first, then its commune's, then the rest by start."""
    sessions = TrainingSession.objects.upcoming(now or timezone.now()).public()
    villages = Village.objects.named(text).values("pk") if text else Village.objects.none()
    if text:
        near = (
            Q(village__in=villages)
            | Q(commune__in=Village.objects.named(text).values("commune_id"))
            | Q(commune__in=Commune.objects.named(text).values("pk"))
            | Q(commune__province__in=Province.objects.named(text).values("pk"))
        )
        sessions = sessions.filter(near)
    return (
        sessions.select_related("course", "commune__province", "village")
        .annotate(
            taken=Count("registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)),
            in_village=Case(
                When(village__in=villages, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .annotate(places_left=F("capacity") - F("taken"))
        .order_by("in_village", "starts_at", "pk")
    )
