"""The open datasets (Decree 47/2020): the public page's protected aggregates, as tables.

Each dataset is a table with a data dictionary (its fields), built from progress/figures.py, so the
open data and the public page can never disagree or publish a cell the page hides. Only
aggregates of units (provinces, communes) and months: no row names a person.

Another app adds a dataset by appending a `Dataset` to `DATASETS`. Reporting completeness and
timeliness (slug "reporting-completeness") counts communes' reports, not people: it needs no
suppression, and comes from reporting.monthly.completeness, the function the officers' pages use.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from progress.figures import PROTECTED
from progress.suppression import SMALL
from reporting.monthly.completeness import completeness
from teams.activity import next_month

SMALL_TEXT = "< 5"
HIDDEN_TEXT = "x"
MISSING_VALUES = ["", SMALL_TEXT, HIDDEN_TEXT]


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a Frictionless Table Schema type
    title: str
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: tuple
    primary_key: tuple
    rows: object  # table -> iterable of {field name: value}


def _figure(unit, name):
    """A figure as published: its number, or the text that stands for it where it is hidden."""
    mark = unit.marks.get(name)
    if mark:
        return SMALL_TEXT if mark == SMALL else HIDDEN_TEXT
    return unit.values[name]


def _period(table):
    """The months summed, ending today while the last month is still running."""
    end = min(_last_day(table.months[-1]), timezone.localdate())
    return {"period_start": table.months[0].isoformat(), "period_end": end.isoformat()}


def _last_day(month):
    return next_month(month) - timedelta(days=1)


FIGURE_FIELDS = (
    Field(
        "villages",
        "integer",
        _("Villages"),
        _("Villages (thôn, bản, ấp, tổ dân phố…) on the platform's map, today."),
    ),
    Field(
        "villages_with_active_team",
        "integer",
        _("Villages with an active team"),
        _("Villages served by at least one active community digital technology team, today."),
    ),
    Field("members", "integer", _("Members"), _("Current members of active teams, today.")),
    Field(
        "trained_members",
        "integer",
        _("Trained members"),
        _("Of the members, those recorded as trained, today."),
    ),
    Field(
        "sessions",
        "integer",
        _("Sessions"),
        _("Help sessions the teams logged from period_start to period_end."),
    ),
    Field(
        "citizens_helped",
        "integer",
        _("Citizens helped"),
        _("Citizens helped in the sessions logged from period_start to period_end."),
    ),
)
PERIOD_FIELDS = (
    Field(
        "period_start",
        "date",
        _("Period start"),
        _("First day of the months sessions and citizens are summed over."),
    ),
    Field(
        "period_end",
        "date",
        _("Period end"),
        _("Last day summed: the end of the last month, or the data's date while that month runs."),
    ),
)
COLUMNS = dict(
    zip(
        (
            "villages",
            "villages_with_active_team",
            "members",
            "trained_members",
            "sessions",
            "citizens_helped",
        ),
        ("villages", "covered", "members", "trained", "sessions", "citizens"),
        strict=True,
    )
)


def _figures(unit):
    return {column: _figure(unit, name) for column, name in COLUMNS.items()}


def _province_rows(table):
    for unit in table.provinces:
        yield {"province_code": unit.code, "province_name": unit.name, **_figures(unit), **_period(table)}


def _commune_rows(table):
    names = {unit.code: unit.name for unit in table.provinces}
    for province_code, communes in sorted(table.communes.items()):
        for unit in communes:
            yield {
                "commune_code": unit.code,
                "commune_name": unit.name,
                "province_code": province_code,
                "province_name": names[province_code],
                **_figures(unit),
                **_period(table),
            }


def _month_rows(table):
    for unit in table.provinces:
        for month, sessions, citizens in table.trend[unit.code]:
            yield {
                "province_code": unit.code,
                "province_name": unit.name,
                "month": month.strftime("%Y-%m"),
                "sessions": HIDDEN_TEXT if sessions is None else sessions,
                "citizens_helped": HIDDEN_TEXT if citizens is None else citizens,
            }


def _completeness_rows(table):
    """Per month of the table, then per province: the figures the officers' completeness page shows."""
    for month in table.months:
        for unit in completeness(month):
            yield {
                "province_code": unit.code,
                "province_name": unit.name,
                "month": month.strftime("%Y-%m"),
                "deadline": timezone.localtime(unit.deadline).replace(microsecond=0).isoformat(),
                "expected": unit.expected,
                "submitted": unit.submitted,
                "approved": unit.approved,
                "no_report": unit.no_report,
                "on_time": unit.on_time,
                "late": len(unit.late),
                "completeness_rate": _rate(unit.completeness_rate),
                "timeliness_rate": _rate(unit.timeliness_rate),
            }


def _rate(rate):
    """A rate, or the empty (missing) value for a province with no commune expected."""
    return "" if rate is None else rate


PROVINCE = (
    Field(
        "province_code", "string", _("Province code"), _("Official 2-digit code (Decision 19/2025/QĐ-TTg).")
    ),
    Field("province_name", "string", _("Province"), _("Official name of the province or city.")),
)
COMMUNE = (
    Field("commune_code", "string", _("Commune code"), _("Official 5-digit code (Decision 19/2025/QĐ-TTg).")),
    Field("commune_name", "string", _("Commune"), _("Official name of the commune, ward or special zone.")),
)

DATASETS = [
    Dataset(
        "provinces",
        _("Progress by province"),
        _(
            "Villages with an active team, members, trained members, sessions and citizens helped, per province."
        ),
        PROVINCE + FIGURE_FIELDS + PERIOD_FIELDS,
        ("province_code",),
        _province_rows,
    ),
    Dataset(
        "communes",
        _("Progress by commune"),
        _(
            "The same figures per commune. Members, trained members, sessions and citizens helped of 1 to 4 "
            "are published as “< 5”; “x” marks a figure hidden so that a “< 5” cannot be worked out "
            "from the province's total."
        ),
        COMMUNE + PROVINCE + FIGURE_FIELDS + PERIOD_FIELDS,
        ("commune_code",),
        _commune_rows,
    ),
    Dataset(
        "province-months",
        _("Sessions and citizens helped by province and month"),
        _("Help sessions logged and citizens helped, per province and calendar month."),
        (
            *PROVINCE,
            Field("month", "yearmonth", _("Month"), _("Calendar month, YYYY-MM.")),
            *FIGURE_FIELDS[4:],
        ),
        ("province_code", "month"),
        _month_rows,
    ),
]
COMPLETENESS_FIELDS = (
    Field("month", "yearmonth", _("Month"), _("Calendar month reported on, YYYY-MM.")),
    Field(
        "deadline",
        "datetime",
        _("Deadline"),
        _("The last moment a report counted as on time, with its UTC offset."),
    ),
    Field(
        "expected",
        "integer",
        _("Expected reports"),
        _("Communes on the map on the month's last day: one report each."),
    ),
    Field(
        "submitted",
        "integer",
        _("Submitted reports"),
        _("Reports with the province now, submitted or approved; a returned report is not counted."),
    ),
    Field("approved", "integer", _("Approved reports"), _("Reports the province has approved.")),
    Field(
        "no_report",
        "integer",
        _("Marked “no report”"),
        _("Communes the province marked as having no report this month, with a reason."),
    ),
    Field(
        "on_time",
        "integer",
        _("Submitted on time"),
        _("Submitted reports first sent by the deadline; sending again after a return does not change it."),
    ),
    Field(
        "late",
        "integer",
        _("Late"),
        _("Reports first sent after the deadline, or still not sent once it has passed."),
    ),
    Field(
        "completeness_rate",
        "number",
        _("Completeness (%)"),
        _("Submitted reports out of expected, in per cent; empty where none is expected."),
    ),
    Field(
        "timeliness_rate",
        "number",
        _("Timeliness (%)"),
        _("Reports submitted on time out of expected, in per cent; empty where none is expected."),
    ),
)
DATASETS.append(
    Dataset(
        "reporting-completeness",
        _("Reporting completeness and timeliness by province and month"),
        _(
            "How many communes' monthly reports each province expected, received, approved and received "
            "on time, per calendar month, as the officers see them."
        ),
        PROVINCE + COMPLETENESS_FIELDS,
        ("province_code", "month"),
        _completeness_rows,
    )
)
BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
PROTECTED_COLUMNS = {column for column, name in COLUMNS.items() if name in PROTECTED}
