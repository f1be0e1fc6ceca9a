"""Texts about a session, put in the outbox with keys that make every one of them happen once.

Key: training:<session>:<registration>:<kind>[:<minutes before>]:<start, UTC>:<round>. The start is
in the key, so a text for a session that moved can never be mistaken for one for its new time;
the registration's round changes whenever its pending texts were cleared, so signing up again
after withdrawing gets fresh texts while a retry within a round finds the message it already made.

A reminder due while the sending window is shut is pulled back to the evening before (a little
before the window closes). If that is more than half its lead time early it is dropped instead:
a "two hours before" text at 20:45 for a 07:30 class says nothing the day-before reminder did not,
and texting at 05:30 is worse.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from messaging.models import Message, Purpose
from messaging.outbox import clear, queue_many, sending_window_closed_before, sending_window_open
from trainings import texts
from trainings.models import Registration, SessionMessage, TrainingSession

Kind = SessionMessage.Kind
NOTICE_TEXTS = {
    Kind.CONFIRMATION: texts.confirmation,
    Kind.WAITING: texts.waiting,
    Kind.PROMOTED: texts.promoted,
    Kind.MOVED: texts.moved,
    Kind.CANCELLED: texts.cancelled,
}


def message_key(registration, session, kind, offset_minutes=None):
    offset = f":{offset_minutes}m" if offset_minutes is not None else ""
    start = session.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%MZ")
    return f"training:{session.pk}:{registration.pk}:{kind}{offset}:{start}:{registration.round}"


def reminder_due(starts_at, hours, now):
    """When the reminder `hours` before `starts_at` goes, inside the window; None to drop it."""
    lead = timedelta(hours=hours)
    due = starts_at - lead
    if not sending_window_open(due):
        evening = sending_window_closed_before(due) - timedelta(
            minutes=settings.TRAINING_REMINDER_EVENING_MARGIN
        )
        if due - evening > lead / 2:
            return None
        due = evening
    return due if due > now else None


def _item(registration, session, kind, body, due_at=None, offset_minutes=None, purpose=Purpose.NOTICE):
    return {
        "recipient_phone": registration.phone,
        "body": body,
        "purpose": purpose,
        "idempotency_key": message_key(registration, session, kind, offset_minutes),
        "due_at": due_at,
        "language": registration.language,
        "unaccented": session.unaccented_sms,
        "commune": session.commune_id,
    }


def _queue(entries):
    """entries: (registration, kind, offset_minutes, outbox item). Queues and links them."""
    if not entries:
        return []
    messages = queue_many([item for *_, item in entries])
    SessionMessage.objects.bulk_create(
        [
            SessionMessage(
                registration_id=registration.pk, message_id=message.pk, kind=kind, offset_minutes=offset
            )
            for (registration, kind, offset, _), message in zip(entries, messages, strict=True)
        ],
        ignore_conflicts=True,  # a retried call finds its messages already linked
    )
    return messages


def schedule_reminders(registrations, now=None):
    """Queue the reminders of every registered person with a phone; returns the messages."""
    return _queue(reminder_entries(registrations, now))


def reminder_entries(registrations, now=None):
    """What schedule_reminders queues, as (registration, kind, offset, outbox item): also what a
    confirmation page shows before an officer's action queues it (trainings/bulk.py)."""
    now = now or timezone.now()
    bodies, entries = {}, []
    for registration in registrations:
        session = registration.session
        if (
            registration.status != Registration.Status.REGISTERED
            or not registration.phone
            or session.status != TrainingSession.Status.SCHEDULED
        ):
            continue
        for hours in settings.TRAINING_REMINDER_HOURS:
            due = reminder_due(session.starts_at, hours, now)
            if due is None:
                continue
            text_key = (session.pk, registration.language, timezone.localdate(due))
            if text_key not in bodies:
                bodies[text_key] = texts.reminder(session, registration.language, due)
            offset = round(hours * 60)
            item = _item(
                registration, session, Kind.REMINDER, bodies[text_key], due, offset, Purpose.REMINDER
            )
            entries.append((registration, Kind.REMINDER, offset, item))
    return entries


def send_notices(registrations, kind):
    """One notice of `kind` (confirmation, waiting, moved…) to each registration with a phone, now."""
    return _queue(notice_entries(registrations, kind))


def notice_entries(registrations, kind):
    """What send_notices queues, in the same form as reminder_entries."""
    bodies, entries = {}, []
    for registration in registrations:
        if not registration.phone:
            continue
        session = registration.session
        text_key = (session.pk, registration.language)
        if text_key not in bodies:
            bodies[text_key] = NOTICE_TEXTS[kind](session, registration.language)
        entries.append((registration, kind, None, _item(registration, session, kind, bodies[text_key])))
    return entries


def pending_reminders(registrations):
    """Outbox messages still to send that remind `registrations` (a queryset) of their session."""
    return Message.objects.filter(
        training_link__registration__in=registrations, training_link__kind=Kind.REMINDER
    )


def clear_reminders(registrations, reason):
    """Clear pending reminders of `registrations` (a queryset) and start a new round for them."""
    cleared = clear(pending_reminders(registrations), reason)
    registrations.update(round=F("round") + 1)
    return cleared
