"""Signing up, enrolling, withdrawing, and the waiting list.

Every change that touches places locks the session row first, so two people taking the last
place at the same moment get one place and one waiting-list spot, never two places.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from messaging.models import ConsentMethod, Purpose
from messaging.outbox import record_consent
from trainings import reminders
from trainings.models import Registration, SessionMessage, TrainingSession
from vietnamese.phones import normalize_phone
from vietnamese.text import normalize

Status = Registration.Status
Kind = SessionMessage.Kind


class RegistrationError(Exception):
    """A sign-up or enrolment that cannot be made; the message is for the person on the screen,
    `field` the form field it is about (None: the whole form)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def _locked(session):
    # of=self: the village is an outer join, and PostgreSQL locks no nullable side of one.
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("course", "commune", "village")
        .get(pk=session.pk)
    )


def free_places(session, now=None):
    """Places neither taken nor held for someone entering their sign-up code."""
    held = session.sign_up_holds.filter(expires_at__gt=now or timezone.now()).count()
    return max(0, session.capacity - held - session.registrations.filter(status=Status.REGISTERED).count())


def sign_up(session, *, full_name, phone, language, now=None):
    """A citizen's sign-up, once they proved their phone with the texted code (trainings/verifying.py),
    so consent is recorded now. Returns the registration, which is on the waiting list when the
    session is full. Raises RegistrationError, InvalidPhone."""
    phone = normalize_phone(phone)
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked(session)
        if session.status != TrainingSession.Status.SCHEDULED or session.starts_at <= now:
            raise RegistrationError(_("Sign-up for this session is closed."))
        registration = session.registrations.filter(phone=phone).first()
        if registration and registration.is_active:
            raise RegistrationError(
                _("This phone number is already signed up for this session.")
                if registration.status == Status.REGISTERED
                else _("This phone number is already on the waiting list for this session."),
                field="phone",
            )
        registration = registration or Registration(session=session, phone=phone)
        registration.full_name = normalize(full_name)
        registration.language = language
        registration.source = Registration.Source.SELF
        registration.consent_at = now
        registration.queued_at = now
        registration.status = Status.REGISTERED if free_places(session, now) else Status.WAITING
        registration.save()
        registration.session = session
        record_consent(
            phone, Purpose.REMINDER, ConsentMethod.FORM, note=f"training session {session.pk} sign-up form"
        )
        _welcome([registration], now)
    return registration


def enrol(session, members, *, now=None):
    """An officer or leader enrols team members; all or nothing. Returns the new registrations.

    Members already on the session are skipped; more members than free places is refused, so
    an officer never finds half a team enrolled.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked(session)
        registrations = enrolments(session, members, now=now)
        for registration in registrations:
            registration.save()
            registration.session = session
        _welcome(registrations, now)
    return registrations


def enrolments(session, members, *, now=None):
    """The registrations enrol() would make, unsaved: what the officer confirms before it texts
    them. Raises RegistrationError as enrol() does."""
    now = now or timezone.now()
    if session.status != TrainingSession.Status.SCHEDULED or session.starts_at <= now:
        raise RegistrationError(_("This session is no longer open for enrolment."))
    members = list(members)
    taken = session.registrations.filter(
        Q(member__in=members) | Q(phone__in=[m.phone for m in members if m.phone])
    ).filter(status__in=[Status.REGISTERED, Status.WAITING])
    already = {r.member_id for r in taken} | {r.phone for r in taken}
    fresh = [m for m in members if m.pk not in already and m.phone not in already]
    places = free_places(session)
    if len(fresh) > places:
        raise RegistrationError(
            _("Only %(places)s places are left, and %(chosen)s members were chosen. Nobody was enrolled.")
            % {"places": places, "chosen": len(fresh)}
        )
    registrations = []
    for member in fresh:
        earlier = Q(member=member)
        if member.phone:
            earlier |= Q(phone=member.phone)
        # A member who withdrew before gets their row back: one row per phone and session.
        registration = session.registrations.filter(earlier).first() or Registration(session=session)
        registration.member = member
        registration.full_name = member.full_name
        registration.phone = member.phone
        registration.language = member.user.preferred_language if member.user_id else "vi"
        registration.source = Registration.Source.OFFICER
        registration.status = Status.REGISTERED
        registration.queued_at = now
        registrations.append(registration)
    return registrations


def _welcome(registrations, now):
    registered = [r for r in registrations if r.status == Status.REGISTERED]
    reminders.send_notices(registered, Kind.CONFIRMATION)
    reminders.send_notices([r for r in registrations if r.status == Status.WAITING], Kind.WAITING)
    reminders.schedule_reminders(registered, now)


def withdraw(registration, *, reason="withdrew", now=None):
    """The person (or an officer) takes them off the session: their reminders are cleared and a
    freed place goes to the first on the waiting list."""
    with transaction.atomic():
        session = _locked(registration.session)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration
        freed = registration.status == Status.REGISTERED
        registration.status = Status.WITHDRAWN
        registration.link_hash = ""  # the person's link opens nothing any more
        registration.save(update_fields=["status", "link_hash", "updated_at"])
        reminders.clear_reminders(Registration.objects.filter(pk=registration.pk), reason)
        if freed:
            promote_waiting(session, now=now)
    return registration


def promote_waiting(session, *, now=None):
    """Give free places to the waiting list in sign-up order; each promoted person gets a text."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked(session)
        promoted = to_promote(session, now=now)
        for registration in promoted:
            registration.status = Status.REGISTERED
            registration.session = session
        Registration.objects.bulk_update(promoted, ["status"])
        reminders.send_notices(promoted, Kind.PROMOTED)
        reminders.schedule_reminders(promoted, now)
    return promoted


def to_promote(session, *, now=None):
    """Who promote_waiting(session) would give a place to (`session` may hold a new, unsaved
    capacity: the officer confirms the texts before the change is saved)."""
    now = now or timezone.now()
    if session.status != TrainingSession.Status.SCHEDULED or session.starts_at <= now:
        return []
    places = free_places(session)
    if not places:
        return []
    return list(session.registrations.filter(status=Status.WAITING).order_by("queued_at", "pk")[:places])
