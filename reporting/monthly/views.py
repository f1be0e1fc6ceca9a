"""Officers' pages for the monthly report: a commune's month, a province's month, the country's.

Reached from the dashboards, on a phone, with plain forms (no JavaScript). Which units a person
reaches is decided from their roles: a report outside their scope answers 404, as does a
province's page for anyone but its officers and national ones. What a button may do is decided
again in reporting/monthly/workflow.py, whatever the page showed. A refused move keeps what the
officer typed and says why in their language.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.scopes import get_visible_or_404, may_open_province, scope_for
from places.models import Commune, Province
from reporting.models import ReportState
from reporting.monthly import workbooks, workflow
from reporting.monthly.completeness import completeness
from reporting.monthly.figures import compile_figures, lines
from reporting.monthly.periods import deadline, month_over_at
from reporting.reports import parse_month
from teams.activity import month_start

COMMUNE_ACTIONS = {
    "submit": (
        lambda report, user, post: workflow.submit(report, user, post.get("remarks", "")),
        gettext_lazy("Report submitted."),
    ),
    "return": (
        lambda report, user, post: workflow.return_report(report, user, post.get("reason", "")),
        gettext_lazy("Report returned to the commune; its officer is texted the reason."),
    ),
    "approve": (lambda report, user, post: workflow.approve(report, user), gettext_lazy("Report approved.")),
    "reopen": (
        lambda report, user, post: workflow.reopen(report, user, post.get("reason", "")),
        gettext_lazy("Report reopened; the commune's officer is texted the reason."),
    ),
    "no_report": (
        lambda report, user, post: workflow.mark_no_report(report, user, post.get("reason", "")),
        gettext_lazy("Marked “no report”."),
    ),
}
PROVINCE_ACTIONS = {
    "approve": (
        lambda report, user, post: workflow.approve_province(report, user),
        gettext_lazy("The province's month is approved."),
    ),
    "reopen": (
        lambda report, user, post: workflow.reopen_province(report, user, post.get("reason", "")),
        gettext_lazy("The province's month is reopened."),
    ),
}


def _month(text):
    """The month in the address; 404 for one that cannot be or has not begun."""
    month = parse_month(text)
    if month is None or month.year < 2000 or month > month_start(timezone.localdate()):
        raise Http404
    return month


def _province_or_404(user, code):
    province = get_visible_or_404(user, Province.objects.all(), pk=code)
    if not may_open_province(user, province):
        raise Http404
    return province


def _act(request, actions, report):
    """Run the posted action; None when it went through, else the refusal's message."""
    action = actions.get(request.POST.get("action"))
    if action is None:
        return _("Choose one of the buttons.")
    run, done = action
    try:
        run(report, request.user, request.POST)
    except workflow.NotAllowed as refusal:
        return str(refusal)
    messages.success(request, done)
    return None


@login_required
def commune_month(request, month, code):
    commune = get_visible_or_404(request.user, Commune.objects.select_related("province"), pk=code)
    month = _month(month)
    report = workflow.commune_report(commune, month, create=request.method == "POST")
    error = None
    if request.method == "POST":
        error = _act(request, COMMUNE_ACTIONS, report)
        if error is None:
            return redirect(request.path)
        messages.error(request, error)
        report.refresh_from_db()
    now = compile_figures(commune, month)
    stored = (
        report.figures
        if report.state in (ReportState.SUBMITTED, ReportState.APPROVED, ReportState.RETURNED)
        and report.figures
        else None
    )
    shown = lines(stored, now)
    return render(
        request,
        "reporting/monthly/commune_month.html",
        {
            "commune": commune,
            "month": month,
            "report": report,
            "lines": shown,
            "changed": [line for line in shown if line.changed],
            "events": report.events.select_related("by") if report.pk else [],
            "why_back": report.events.last() if report.state == ReportState.RETURNED else None,
            "may_submit": workflow.may_submit(request.user, report),
            "may_review": workflow.may_review(request.user, report),
            "month_over": timezone.now() >= month_over_at(month),
            "deadline": deadline(month),
            "posted": request.POST if error else {},
            "province_page": may_open_province(request.user, commune.province),
        },
        status=400 if error else 200,
    )


@login_required
def province_month(request, month, code):
    province = _province_or_404(request.user, code)
    month = _month(month)
    report = workflow.province_report(province, month, create=request.method == "POST")
    error = None
    if request.method == "POST":
        error = _act(request, PROVINCE_ACTIONS, report)
        if error is None:
            return redirect(request.path)
        messages.error(request, error)
        report.refresh_from_db()
    (status,) = completeness(month, [province.pk])
    return render(
        request,
        "reporting/monthly/province_month.html",
        {
            "province": province,
            "month": month,
            "report": report,
            "status": status,
            "events": report.events.select_related("by") if report.pk else [],
            "may_review": workflow.may_review(request.user, report),
            "national": scope_for(request.user).national,
            "posted": request.POST if error else {},
        },
        status=400 if error else 200,
    )


@login_required
def country_month(request, month):
    if not scope_for(request.user).national:
        raise Http404
    month = _month(month)
    return render(
        request,
        "reporting/monthly/country_month.html",
        {
            "month": month,
            # The provinces with the most late communes first; by name among equals.
            "provinces": sorted(completeness(month), key=lambda unit: -len(unit.late)),
            "deadline": deadline(month),
        },
    )


def _xlsx(sheets, filename):
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    sheets.save(response)
    return response


@login_required
def province_workbook(request, month, code):
    """The province's approved month, as the Department forwards it."""
    province = _province_or_404(request.user, code)
    month = _month(month)
    report = workflow.province_report(province, month)
    if report.state != ReportState.APPROVED:
        messages.error(request, _("The workbook is made once the province's month is approved."))
        return redirect("reporting:province_month", f"{month:%Y-%m}", province.pk)
    return _xlsx(*workbooks.province_workbook(province, month))


@login_required
def country_workbook(request, month):
    """The national administrator's workbook: each province's approved month, on a row."""
    if not scope_for(request.user).national:
        raise Http404
    return _xlsx(*workbooks.national_workbook(_month(month)))
