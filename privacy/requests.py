"""Opening people's requests and acting on them: every step leaves a RequestAction (who, when, what)."""

from django.db import transaction
from django.utils import timezone

from accounts.authority import places_of, unit_covering
from privacy.models import RequestAction, RightsRequest

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


def place_of(phone, user=None, received_in=None):
    """(commune id, province id) where a request about this person belongs: the narrowest unit
    covering every place their data is held (accounts/authority.py), the whole country (None,
    None) when that is several provinces or a staff account. Only a person held nowhere yet
    sits in `received_in`, the commune where the request was received."""
    places = places_of(phone=phone or None, user=user)
    if not places.known:
        return (received_in.pk if received_in else None), None
    return unit_covering(places)


def forward(request, *, by):
    """Send `request` up to the unit that covers its person now, noted in its history."""
    request.commune_id, request.province_id = place_of(request.phone, request.user)
    with transaction.atomic():
        request.save(update_fields=["commune", "province"])
        RequestAction.objects.create(request=request, action=Action.FORWARDED, by=by, by_label=label_of(by))


def open_request(
    kind, *, phone, full_name, channel, by=None, user=None, commune=None, detail="", received_at=None
):
    """A new request (by the person themselves when `by` is None) with its "received" action,
    placed by the data about the person (`place_of`), never by the unit a form names: `commune`
    counts only for a number held nowhere yet."""
    commune_id, province_id = place_of(phone, user, received_in=commune)
    with transaction.atomic():
        request = RightsRequest.objects.create(
            kind=kind,
            channel=channel,
            phone=phone,
            full_name=full_name,
            user=user,
            commune_id=commune_id,
            province_id=province_id,
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
