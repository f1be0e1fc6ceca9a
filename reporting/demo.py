"""Three months of demo monthly reports, so an officer walking the demo sees the workflow.

For the three months before today's, each demo commune's report sits in the state an officer
would find in life: the oldest month approved everywhere; the middle one approved, except Bát
Tràng's, returned by the province with a reason (the README's commune officer resubmits it) and
Hoàn Kiếm's, sent in late; last month some submitted and waiting for the province (the README's
province officer approves or returns Hoàn Kiếm's), the others, Bát Tràng included, still drafts.
The figures are compiled from the demo's logs exactly as a submission would, and every move has
its history row. Times are placed where they would have happened (on time by the 3rd, late on
the 7th) but never after now, so a demo loaded on the 1st shows no move in the future.

Rows are written directly rather than through reporting/monthly/workflow.py: the workflow stamps
each move with the present time and needs a commune officer for every commune, while the demo has
one per role (the README's table). No text is sent for the returned report.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.demo import ADMIN_EMAIL, BAT_TRANG, DEMO_PEOPLE, HANOI
from accounts.models import Role, User
from places.models import Commune
from reporting.models import MonthlyReport, ReportEvent, ReportState
from reporting.monthly.figures import compile_figures, figures_hash
from teams.activity import last_months, next_month
from teams.demo import DEMO_VILLAGES

State, Action = ReportState, ReportEvent.Action
HOAN_KIEM = "00070"
RETURN_REASON = "Số buổi hỗ trợ của Thôn Kim Lan thấp hơn sổ nhật ký của tổ, xin kiểm tra lại và nộp lại."
REMARKS = [
    "Các tổ hoạt động đều, tập trung hướng dẫn kích hoạt VNeID mức 2.",
    "Tháng này nhiều người cao tuổi cần hướng dẫn lại từ đầu.",
    "",
]
# Last month's reports already sent up; every other commune's is still a draft.
SUBMITTED_LAST_MONTH = {HOAN_KIEM, "03037", "17176", "20209", "26743", "31299"}
ON_TIME_DAY, LATE_DAY, REVIEW_DAY = 3, 7, 8


def load(stdout):
    months = last_months(4)[:-1]  # the three months before this one, oldest first
    people = _people()
    made = 0
    with transaction.atomic():
        for commune in Commune.objects.filter(pk__in=DEMO_VILLAGES).order_by("pk"):
            for age, month in enumerate(reversed(months), start=1):
                made += _report(commune, month, age, people)
    stdout.write(f"Monthly reports: {made} made for the three months before this one.")


def _people():
    """The README's users who act on reports: who submits Bát Tràng's, who reviews where."""
    by_email = User.objects.in_bulk([email for email, *_rest in DEMO_PEOPLE if email], field_name="email")
    officers = {role: by_email.get(email) for email, _phone, _name, role, _unit in DEMO_PEOPLE if email}
    return {
        "commune": officers.get(Role.COMMUNE_OFFICER),
        "province": officers.get(Role.PROVINCE_OFFICER),
        "admin": by_email.get(ADMIN_EMAIL),
    }


def _report(commune, month, age, people):
    """Write `commune`'s report for `month` (`age` months ago) once; 1 if it was made."""
    if MonthlyReport.objects.filter(commune=commune, month=month).exists():
        return 0
    submitter = people["commune"] if commune.pk == BAT_TRANG else None
    reviewer = people["province"] if commune.province_id == HANOI else people["admin"]
    report = MonthlyReport(commune=commune, province_id=commune.province_id, month=month)
    if age == 1 and commune.pk not in SUBMITTED_LAST_MONTH:
        report.save()  # a draft: nobody has moved it yet
        return 1
    late = age == 2 and commune.pk == HOAN_KIEM
    submitted_at = _when(month, LATE_DAY if late else ON_TIME_DAY, 9)
    report.figures = compile_figures(commune, month)
    report.figures_hash = figures_hash(report.figures)
    report.remarks = REMARKS[int(commune.pk) % len(REMARKS)]
    report.first_submitted_at = submitted_at
    moves = [(Action.SUBMITTED, State.DRAFT, State.SUBMITTED, submitter, submitted_at, "")]
    reviewed_at = _when(month, REVIEW_DAY, 15)
    if age == 2 and commune.pk == BAT_TRANG:
        moves.append((Action.RETURNED, State.SUBMITTED, State.RETURNED, reviewer, reviewed_at, RETURN_REASON))
    elif age > 1:
        moves.append((Action.APPROVED, State.SUBMITTED, State.APPROVED, reviewer, reviewed_at, ""))
    report.state = moves[-1][2]
    report.save()
    ReportEvent.objects.bulk_create(
        ReportEvent(
            report=report,
            action=action,
            from_state=before,
            to_state=after,
            by=by,
            at=at,
            reason=reason,
            figures_hash=report.figures_hash,
        )
        for action, before, after, by, at, reason in moves
    )
    return 1


def _when(month, day, hour):
    """`day` of the month after `month` at `hour`, Vietnam time; now if that is still to come."""
    planned = timezone.make_aware(datetime.combine(next_month(month).replace(day=day), time(hour)))
    return min(planned, timezone.now() - timedelta(seconds=1))
