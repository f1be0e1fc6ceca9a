"""Opening people's requests and acting on them: every step leaves a RequestAction (who, when, what)."""

from django.db import transaction
from django.utils import timezone

from privacy.models import RequestAction, RightsRequest
from teams.models import Member
from trainings.models import Registration

Action = RequestAction.Action
Status = RightsRequest.Status
# What each action makes of the request's status.
NEXT_STATUS = {
    Action.ACKNOWLEDGED: Status.ACKNOWLEDGED,
    Action.DONE: Status.DONE,
    Action.REFUSED: Status.REFUSED,
}


def label_of(user):
    return (user.email or user.phone or str(user.pk)) if user else ""


def commune_of(phone):
    """Where a person's request belongs: their current team's commune, else the commune of
    their latest training registration; None (national administrators only) when neither."""
    member = Member.objects.current().filter(phone=phone).select_related("team").first()
    if member:
        return member.team.commune
    registration = (
        Registration.objects.filter(phone=phone)
        .select_related("session__commune")
        .order_by("-queued_at")
        .first()
    )
    return registration.session.commune if registration else None


def open_request(
    kind, *, phone, full_name, channel, by=None, user=None, commune=None, detail="", received_at=None
):
    """A new request (by the person themselves when `by` is None) with its "received" action."""
    with transaction.atomic():
        request = RightsRequest.objects.create(
            kind=kind,
            channel=channel,
            phone=phone,
            full_name=full_name,
            user=user,
            commune=commune or commune_of(phone),
            detail=detail,
            received_at=received_at or timezone.now(),
            recorded_by=by,
        )
        record(request, Action.RECEIVED, by=by)
    return request


def record(request, action, *, by=None, note=""):
    """Do `action` on `request` (acknowledge, close, refuse, or a note) and keep it in its history."""
    now = timezone.now()
    with transaction.atomic():
        status = NEXT_STATUS.get(action)
        if status:
            request.status = status
            request.acknowledged_at = request.acknowledged_at or now
            if status != Status.ACKNOWLEDGED:
                request.closed_at = now
            request.save(update_fields=["status", "acknowledged_at", "closed_at"])
        return RequestAction.objects.create(
            request=request, action=action, at=now, by=by, by_label=label_of(by), note=note
        )
