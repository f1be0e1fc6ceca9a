"""Who came, ticked on the day or imported from a sheet, and members marked trained.

The roster importer (teams' spreadsheet reader, being built separately) parses an attendance
sheet and hands its rows to `import_attendance_rows`: this module reads no files itself.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teams.models import Member
from trainings.models import Registration, TrainingSession
from vietnamese.phones import InvalidPhone, normalize_phone

Status = Registration.Status


class AttendanceError(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def mark_trained(member, day):
    """The one place a course completion reaches a member: the dashboards count this status."""
    if member.training_status == Member.TrainingStatus.TRAINED:
        return False
    member.training_status = Member.TrainingStatus.TRAINED
    member.trained_on = day
    member.save(update_fields=["training_status", "trained_on", "updated_at"])
    return True


def may_take_attendance(session, today=None):
    today = today or timezone.localdate()
    return (
        session.status != TrainingSession.Status.CANCELLED and timezone.localdate(session.starts_at) <= today
    )


def record_attendance(session, came_ids):
    """Tick who came (registration ids); the rest of those registered did not. Members who came
    are marked trained. Returns how many members became trained."""
    if not may_take_attendance(session):
        raise AttendanceError(
            [_("Attendance can be taken from the day of the session, and not for a cancelled one.")]
        )
    came_ids = {int(pk) for pk in came_ids}
    day = timezone.localdate(session.starts_at)
    newly_trained = 0
    with transaction.atomic():
        registered = list(session.registrations.filter(status=Status.REGISTERED).select_related("member"))
        for registration in registered:
            registration.attended = registration.pk in came_ids
        Registration.objects.bulk_update(registered, ["attended"])
        for registration in registered:
            if registration.attended and registration.member_id:
                newly_trained += mark_trained(registration.member, day)
        if session.status == TrainingSession.Status.SCHEDULED:
            session.status = TrainingSession.Status.HELD
            session.save(update_fields=["status", "updated_at"])
    return newly_trained


def import_attendance_rows(session, rows):
    """The seam for the roster importer: `rows` are parsed rows, mappings with "phone" and
    "attended" (a bool). All or nothing: any unknown or unreadable row and nothing is recorded;
    the errors name the rows (numbered from 1, as a person counts them)."""
    by_phone = {r.phone: r.pk for r in session.registrations.filter(status=Status.REGISTERED) if r.phone}
    came, errors = set(), []
    for number, row in enumerate(rows, start=1):
        try:
            phone = normalize_phone(row.get("phone") or "")
        except InvalidPhone:
            errors.append(_("Row %(row)s: the phone number cannot be read.") % {"row": number})
            continue
        if phone not in by_phone:
            errors.append(
                _("Row %(row)s: nobody with this phone is registered for the session.") % {"row": number}
            )
        elif row.get("attended"):
            came.add(by_phone[phone])
    if errors:
        raise AttendanceError(errors)
    return record_attendance(session, came)
