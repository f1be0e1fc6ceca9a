"""The approved month as workbooks, in Vietnamese: a province's (a sheet of totals per commune and
one of definitions), as the Department forwards it, and the national one (a row per province).

Figures come from the reports as approved, never from the logs of today: a correction made after
approval shows on the report's page as a difference, and does not slip into what was forwarded.
Written with the monthly XLSX's sheet writer (reporting/reports.py), which never lets typed text
run as a formula.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reporting.models import MonthlyReport, ReportEvent, ReportState
from reporting.monthly.completeness import completeness
from reporting.monthly.figures import DEFINITIONS, FIELDS
from reporting.monthly.periods import deadline
from reporting.reports import _Sheets
from teams.models import OutcomeType


def _outcome_types(province_id=None):
    types = OutcomeType.objects.select_related("service").order_by(
        "service__sort_order", "sort_order", "code"
    )
    return list(types.for_province(province_id) if province_id else types.filter(is_active=True))


def _figure_cells(figures, outcome_types):
    if not figures:
        return [None] * (len(FIELDS) + len(outcome_types))
    outcomes = figures.get("outcomes", {})
    return [figures.get(name, 0) for name in FIELDS] + [outcomes.get(t.code, 0) for t in outcome_types]


def _title(unit_label, month, report):
    approval = report.events.filter(action=ReportEvent.Action.APPROVED).select_related("by").last()
    lines = [
        [_("Monthly report of the community digital technology teams")],
        [unit_label],
        [_("Month"), f"{month:%m/%Y}"],
        [_("Deadline"), f"{timezone.localtime(deadline(month)):%H:%M %d/%m/%Y}"],
    ]
    if approval:
        lines.append(
            [_("Approved on"), f"{timezone.localtime(approval.at):%d/%m/%Y %H:%M}", str(approval.by or "")]
        )
        lines.append([_("Hash of the figures"), report.figures_hash])
    lines.append([_("Made on"), timezone.localtime().strftime("%d/%m/%Y %H:%M")])
    lines.append([])
    return lines


def _definitions(sheets, outcome_types):
    rows = [[str(label), str(DEFINITIONS[name])] for name, label in FIELDS.items()]
    rows += [
        [
            t.name_vi,
            _("Counted in sessions of the month (service: %(service)s).") % {"service": t.service.name_vi},
        ]
        for t in outcome_types
    ]
    rows.append(
        [
            _("On time"),
            _("First submitted by the deadline; a report returned and submitted again keeps its first time."),
        ]
    )
    rows.append(
        [_("Hash of the figures"), _("SHA-256 of the figures as approved: equal figures give an equal hash.")]
    )
    sheets.add(_("Definitions"), [], [_("Figure"), _("Definition")], rows)


def province_workbook(province, month):
    with translation.override("vi"):
        outcome_types = _outcome_types(province.pk)
        report = MonthlyReport.objects.get(province=province, commune=None, month=month)
        (status,) = completeness(month, [province.pk])
        reports = {
            r.commune_id: r
            for r in MonthlyReport.objects.filter(province=province, month=month, commune__isnull=False)
        }
        reasons = dict(
            ReportEvent.objects.filter(
                report__in=reports.values(), action=ReportEvent.Action.NO_REPORT
            ).values_list("report__commune_id", "reason")
        )
        rows = []
        for commune in status.communes:
            commune_report = reports.get(commune.code)
            approved = commune_report and commune_report.state == ReportState.APPROVED
            rows.append(
                [
                    commune.code,
                    commune.name,
                    commune.state_label,
                    _("yes") if commune.on_time else _("no"),
                    *_figure_cells(commune_report.figures if approved else None, outcome_types),
                    reasons.get(commune.code) or (commune_report.remarks if commune_report else ""),
                ]
            )
        header = [
            _("Code"),
            _("Commune"),
            _("State"),
            _("On time"),
            *[str(label) for label in FIELDS.values()],
            *[t.name_vi for t in outcome_types],
            _("Remarks"),
        ]
        sheets = _Sheets()
        sheets.add(
            _("Totals"), _title(province.name, month, report), header, rows, _("Total"), 4, len(header) - 1
        )
        _definitions(sheets, outcome_types)
        return sheets, f"bao-cao-thang-{province.pk}-{month:%Y-%m}.xlsx"


def national_workbook(month):
    with translation.override("vi"):
        outcome_types = _outcome_types()
        provinces = {r.province_id: r for r in MonthlyReport.objects.filter(month=month, commune=None)}
        rows = []
        for status in completeness(month):
            report = provinces.get(status.code)
            approved = report and report.state == ReportState.APPROVED
            rows.append(
                [
                    status.code,
                    status.name,
                    _("approved") if approved else _("not approved"),
                    status.expected,
                    status.submitted,
                    status.approved,
                    status.on_time,
                    *_figure_cells(report.figures if approved else None, outcome_types),
                ]
            )
        header = [
            _("Code"),
            _("Province"),
            _("State"),
            _("Expected"),
            _("Submitted"),
            _("Approved"),
            _("On time"),
            *[str(label) for label in FIELDS.values()],
            *[t.name_vi for t in outcome_types],
        ]
        sheets = _Sheets()
        title = [
            [_("Monthly report of the community digital technology teams")],
            [_("Whole country")],
            [_("Month"), f"{month:%m/%Y}"],
            [_("Made on"), timezone.localtime().strftime("%d/%m/%Y %H:%M")],
            [],
        ]
        sheets.add(_("Totals"), title, header, rows, _("Total"), 3)
        _definitions(sheets, outcome_types)
        return sheets, f"bao-cao-thang-toan-quoc-{month:%Y-%m}.xlsx"
