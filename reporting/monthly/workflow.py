"""Moving a monthly report: who may, from which state, and what is kept of each move.

Authority comes from the data: a commune's officer (the commune is in their scope's communes)
submits its report; an officer holding the province (or the nation) returns, approves, reopens,
marks "no report" and approves the province's month. Nobody else can, whatever a form says, and a
report outside the person's scope is never reached (the views answer 404 before coming here).
Each move locks the report row, so two officers pressing at once make one move and one refusal.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scopes import scope_for
from reporting.models import MonthlyReport, ReportEvent, ReportState
from reporting.monthly import notices
from reporting.monthly.figures import add_up, compile_figures, figures_hash
from reporting.monthly.periods import expected_communes, month_over_at

State, Action = ReportState, ReportEvent.Action
REASON_MIN, REASON_MAX = 10, 500
REMARKS_MAX = 2000
# A commune report is settled for its province once it is in one of these.
SETTLED = (State.APPROVED, State.NO_REPORT)


class NotAllowed(Exception):
    """A move refused; the message says why, in the user's language."""


def commune_report(commune, month, *, create=False):
    """The commune's report for `month`: a draft until someone moves it (stored once `create`)."""
    if create:
        return MonthlyReport.objects.get_or_create(
            commune=commune, month=month, defaults={"province_id": commune.province_id}
        )[0]
    return MonthlyReport.objects.filter(commune=commune, month=month).first() or MonthlyReport(
        commune=commune, province_id=commune.province_id, month=month
    )


def province_report(province, month, *, create=False):
    if create:
        return MonthlyReport.objects.get_or_create(province=province, commune=None, month=month)[0]
    return MonthlyReport.objects.filter(
        province=province, commune=None, month=month
    ).first() or MonthlyReport(province=province, month=month)


def may_submit(user, report):
    return report.commune_id is not None and report.commune_id in scope_for(user).communes


def may_review(user, report):
    """Return, approve, reopen, mark "no report": the province's officer or a national one."""
    scope = scope_for(user)
    return scope.national or report.province_id in scope.provinces


def clean_reason(reason):
    reason = " ".join((reason or "").split())
    if not REASON_MIN <= len(reason) <= REASON_MAX:
        raise NotAllowed(
            _("Give a reason of %(min)d to %(max)d characters (you wrote %(n)d).")
            % {"min": REASON_MIN, "max": REASON_MAX, "n": len(reason)}
        )
    return reason


def _move(report, user, action, to_state, *, reason="", figures=None):
    before = report.state
    report.state = to_state
    if figures is not None:
        report.figures = figures
        report.figures_hash = figures_hash(figures)
    report.save()
    return ReportEvent.objects.create(
        report=report,
        action=action,
        from_state=before,
        to_state=to_state,
        by=user,
        at=timezone.now(),
        reason=reason,
        figures_hash=report.figures_hash,
    )


def _locked(report):
    return MonthlyReport.objects.select_for_update().get(pk=report.pk)


def _province_closed(report):
    """Is the province's month approved? Its communes' reports then stay as approved."""
    return MonthlyReport.objects.filter(
        province_id=report.province_id, commune=None, month=report.month, state=State.APPROVED
    ).exists()


def _require(condition, message):
    if not condition:
        raise NotAllowed(message)


def submit(report, user, remarks=""):
    with transaction.atomic():
        report = _locked(report)
        _require(may_submit(user, report), _("Only the commune's officer can submit its report."))
        _require(
            report.state in (State.DRAFT, State.RETURNED),
            _("This report is %(state)s: it cannot be submitted now.")
            % {"state": report.get_state_display()},
        )
        _require(
            timezone.now() >= month_over_at(report.month),
            _("A month's report can be submitted once the month is over."),
        )
        remarks = (remarks or "").strip()
        _require(
            len(remarks) <= REMARKS_MAX,
            _("Remarks may be at most %(max)d characters (you wrote %(n)d).")
            % {"max": REMARKS_MAX, "n": len(remarks)},
        )
        report.remarks = remarks
        first = report.first_submitted_at is None
        if first:
            report.first_submitted_at = timezone.now()
        action = Action.SUBMITTED if first else Action.RESUBMITTED
        return _move(
            report, user, action, State.SUBMITTED, figures=compile_figures(report.commune, report.month)
        )


def return_report(report, user, reason):
    with transaction.atomic():
        report = _locked(report)
        _require(may_review(user, report), _("Only the province's officer can return this report."))
        _require(report.state == State.SUBMITTED, _("Only a submitted report can be returned."))
        event = _move(report, user, Action.RETURNED, State.RETURNED, reason=clean_reason(reason))
        notices.tell_commune_officers(report, event)
        return event


def approve(report, user):
    with transaction.atomic():
        report = _locked(report)
        _require(may_review(user, report), _("Only the province's officer can approve this report."))
        _require(report.state == State.SUBMITTED, _("Only a submitted report can be approved."))
        return _move(report, user, Action.APPROVED, State.APPROVED)


def reopen(report, user, reason):
    """An approved report back to its commune, to be corrected and submitted again."""
    with transaction.atomic():
        report = _locked(report)
        _require(may_review(user, report), _("Only the province's officer can reopen this report."))
        _require(report.state in SETTLED, _("Only an approved report can be reopened."))
        _require(not _province_closed(report), _("The province's month is approved: reopen it first."))
        event = _move(report, user, Action.REOPENED, State.RETURNED, reason=clean_reason(reason))
        notices.tell_commune_officers(report, event)
        return event


def mark_no_report(report, user, reason):
    with transaction.atomic():
        report = _locked(report)
        _require(
            may_review(user, report),
            _("Only the province's officer can mark a commune as sending no report."),
        )
        _require(
            report.state in (State.DRAFT, State.RETURNED),
            _("A submitted or approved report cannot be marked “no report”."),
        )
        return _move(report, user, Action.NO_REPORT, State.NO_REPORT, reason=clean_reason(reason))


def unsettled(province, month):
    """Expected communes of the province whose report is not yet approved or marked "no report"."""
    settled = MonthlyReport.objects.filter(
        province=province, month=month, commune__isnull=False, state__in=SETTLED
    ).values("commune_id")
    return expected_communes(month, [province.pk]).exclude(pk__in=settled).order_by("name_key")


def approve_province(report, user):
    """The province's month, once every commune in it is settled; its figures are their sum."""
    with transaction.atomic():
        report = _locked(report)
        _require(may_review(user, report), _("Only the province's officer can approve the province's month."))
        _require(report.state != State.APPROVED, _("The province's month is already approved."))
        waiting = list(unsettled(report.province, report.month).values_list("name", flat=True)[:6])
        _require(
            not waiting,
            _("Every commune must be approved or marked “no report” first. Still waiting: %(names)s")
            % {"names": ", ".join(waiting[:5]) + (" …" if len(waiting) > 5 else "")},
        )
        communes = MonthlyReport.objects.filter(
            province=report.province, month=report.month, commune__isnull=False, state=State.APPROVED
        )
        figures = add_up(c.figures for c in communes)
        return _move(report, user, Action.APPROVED, State.APPROVED, figures=figures)


def reopen_province(report, user, reason):
    with transaction.atomic():
        report = _locked(report)
        _require(may_review(user, report), _("Only the province's officer can reopen the province's month."))
        _require(report.state == State.APPROVED, _("Only an approved month can be reopened."))
        return _move(report, user, Action.REOPENED, State.DRAFT, reason=clean_reason(reason))
