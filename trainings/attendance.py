"""Who came, ticked on the day or imported from a sheet, and members marked trained.

Both ways end in `record_attendance`: the phone page, and the roster importer's attendance list
(trainings/attendance_sheet.py), which reads the sheet and plans it before anything is written.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teams.models import Member
from trainings.models import Registration, TrainingSession

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
        # The member's team too: Member.save tells reporting which commune's trained count changed.
        registered = list(
            session.registrations.filter(status=Status.REGISTERED).select_related("member__team")
        )
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
