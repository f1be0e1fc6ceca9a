"""What an officer's action will text, shown before it goes.

Cancelling a session, moving it, giving it more places and enrolling members each text many
people at once, and issue 4 asks that "bulk sends show segments and estimated cost before they
go". Each preview is built from the very outbox items the action will queue
(trainings/reminders.py), so the officer reads the texts as they will be sent; nothing is queued
until the officer confirms, and confirming twice sends nothing twice (the items' idempotency keys).
"""

from dataclasses import dataclass

from django.utils import timezone

from messaging.outbox import BulkPreview, preview_many
from trainings.changes import ACTIVE, needs_announcement
from trainings.models import Registration, SessionMessage
from trainings.registering import enrolments, to_promote
from trainings.reminders import notice_entries, reminder_entries

Kind = SessionMessage.Kind
# The button that confirms a previewed send, and the one that goes back to the form.
CONFIRM = "confirm_send"
BACK = "back_to_form"


@dataclass(frozen=True)
class Preview:
    sending: BulkPreview
    people: int  # everyone the action concerns
    no_phone: int  # of whom have no phone number, so get no text


def _person(registration):
    # A promoted person is also among those told of a move; new enrolments have no pk yet.
    return registration.pk or f"new-{id(registration)}"


def _preview(registrations, entries):
    return Preview(
        preview_many(item for *_, item in entries),
        people=len({_person(r) for r in registrations}),
        no_phone=len({_person(r) for r in registrations if not r.phone}),
    )


def cancelling(session):
    active = list(session.registrations.filter(status__in=ACTIVE))
    for registration in active:
        registration.session = session
    return _preview(active, notice_entries(active, Kind.CANCELLED))


def enrolling(session, members, *, now=None):
    """Raises RegistrationError as enrol() would, so the form says so before any confirmation."""
    now = now or timezone.now()
    registrations = enrolments(session, members, now=now)
    return _preview(
        registrations,
        notice_entries(registrations, Kind.CONFIRMATION) + reminder_entries(registrations, now),
    )


def changing(session, before, *, now=None):
    """`session` as edited, not yet saved; `before` as it is stored (see changes.save_changes)."""
    now = now or timezone.now()
    registrations, entries = [], []
    if needs_announcement(before, session):
        active = list(Registration.objects.filter(session_id=session.pk, status__in=ACTIVE))
        for registration in active:
            registration.session = session
        registrations += active
        entries += notice_entries(active, Kind.MOVED) + reminder_entries(active, now)
    if session.capacity > before.capacity:
        promoted = to_promote(session, now=now)
        for registration in promoted:
            registration.session, registration.status = session, Registration.Status.REGISTERED
        registrations += promoted
        entries += notice_entries(promoted, Kind.PROMOTED) + reminder_entries(promoted, now)
    return _preview(registrations, entries)


def carried_fields(post):
    """A posted form's fields, to carry unchanged through the confirmation page."""
    skip = {"csrfmiddlewaretoken", CONFIRM, BACK}
    return [(name, value) for name, values in post.lists() if name not in skip for value in values]
