"""The open datasets (Decree 47/2020): the public page's protected aggregates, as tables.

Each dataset is a table with a data dictionary (its fields), built from progress/figures.py, so the
open data and the public page can never disagree or publish a cell the page hides. Only
aggregates of units (provinces, communes) and months: no row names a person.

Another app adds a dataset by appending a `Dataset` to `DATASETS` (reporting's completeness and
timeliness, when lane "reports" publishes it, belongs here under the slug "reporting-completeness").
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from progress.figures import PROTECTED
from progress.suppression import SMALL
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
        PROVINCE
        + (Field("month", "yearmonth", _("Month"), _("Calendar month, YYYY-MM.")),)
        + FIGURE_FIELDS[4:],
        ("province_code", "month"),
        _month_rows,
    ),
]
BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
PROTECTED_COLUMNS = {column for column, name in COLUMNS.items() if name in PROTECTED}
