"""The public figures: reporting's kept totals, the same rows the officers' dashboards read, with
small commune cells protected (progress/suppression.py).

Counts (villages, villages with an active team, members, trained members) are as of today;
activity (sessions, citizens helped) is summed over the months asked for, the dashboards' last
twelve by default. Villages and villages with an active team are never hidden: the map is public
and so is which village has a team (the team finder). Members, trained members, sessions and
citizens helped are counts of people or of what people did, and are protected.

The whole country is worked out at once, even for one province's page: whether a province's total
must be hidden depends on its communes, and whether the national total can stay depends on every
province (a hidden province total is protected among the provinces like a commune among its
province's communes).
"""

from dataclasses import dataclass, field

from django.db.models import Sum

from places.models import Commune, Province
from progress.suppression import HIDDEN, SMALL, Cell, commune_cell, protect, small
from reporting.models import CommuneMonth, CommuneTotals, CommuneYear, ProvinceMonth, ProvinceTotals
from teams.activity import MONTHS_SHOWN, last_months, next_month

FIELDS = ("villages", "covered", "members", "trained", "sessions", "citizens")
PROTECTED = ("members", "trained", "sessions", "citizens")
ACTIVITY = ("sessions", "citizens")
TOTALS_COLUMNS = {
    "villages": "villages",
    "covered": "covered_villages",
    "members": "members",
    "trained": "trained_members",
}
MONTH_COLUMNS = {"sessions": "sessions", "citizens": "citizens_helped"}


@dataclass
class Unit:
    """A row of a public table: a province, a commune or the country, with what is hidden."""

    code: str
    name: str
    values: dict
    marks: dict = field(default_factory=dict)  # figure name: SMALL or HIDDEN

    def cells(self):
        """[(figure name, value or None, mark)]: a hidden value is None, so no template can leak it."""
        return [
            (name, None if name in self.marks else self.values[name], self.marks.get(name, ""))
            for name in FIELDS
        ]

    def shown(self, name):
        return None if name in self.marks else self.values[name]

    @property
    def empty(self):
        """Nothing to show yet (every figure 0, and zeros are published): listed by name alone."""
        return not any(self.values[name] for name in FIELDS)

    @property
    def coverage(self):
        villages = self.values["villages"]
        return round(100 * self.values["covered"] / villages, 1) if villages else None


@dataclass
class Table:
    months: list
    nation: Unit
    provinces: list
    communes: dict  # province code: [Unit], for the provinces asked for
    trend: dict  # province code or "" (the country): [(month, sessions, citizens)] with None where hidden


def _zero():
    return dict.fromkeys(FIELDS, 0)


def _in_months(queryset, months):
    return queryset.filter(month__gte=months[0], month__lt=next_month(months[-1]))


def _commune_activity(months):
    """(commune, province, sessions, citizens) for every commune over `months`: the kept twelve
    months when those are asked and kept (reporting/years.py), else the commune months summed."""
    if months == last_months(MONTHS_SHOWN, months[-1]):
        kept = list(
            CommuneYear.objects.filter(last_month=months[-1]).values_list(
                "commune_id", "province_id", *MONTH_COLUMNS.values()
            )
        )
        if kept:
            return kept
    return (
        _in_months(CommuneMonth.objects.all(), months)
        .values("commune_id", "province_id")
        .annotate(*(Sum(column) for column in MONTH_COLUMNS.values()))
        .values_list("commune_id", "province_id", *(f"{column}__sum" for column in MONTH_COLUMNS.values()))
        .order_by()
    )


def _commune_values(months):
    """{province code: {commune code: {figure: n}}} for every commune of the country.

    Two queries over kept rows (a row per commune, and a row per commune for the twelve months
    shown), read as tuples: this runs on every uncached public page and API call, for the whole
    country.
    """
    activity = {
        commune: (province, sessions or 0, citizens or 0)
        for commune, province, sessions, citizens in _commune_activity(months)
    }
    values = {}
    counts = CommuneTotals.objects.values_list("commune_id", "province_id", *TOTALS_COLUMNS.values())
    # Dict literals, not dict(zip(...)) per row: this loop is a third of the page's time.
    for commune, province, villages, covered, members, trained in counts:
        _province, sessions, citizens = activity.pop(commune, (province, 0, 0))
        values.setdefault(province, {})[commune] = {
            "villages": villages,
            "covered": covered,
            "members": members,
            "trained": trained,
            "sessions": sessions,
            "citizens": citizens,
        }
    for commune, (province, sessions, citizens) in activity.items():  # activity without a totals row
        values.setdefault(province, {})[commune] = {**_zero(), "sessions": sessions, "citizens": citizens}
    return values


def _province_values(months):
    values = {}
    for row in ProvinceTotals.objects.values("province_id", *TOTALS_COLUMNS.values()):
        values.setdefault(row["province_id"], _zero()).update(
            {name: row[column] for name, column in TOTALS_COLUMNS.items()}
        )
    activity = (
        _in_months(ProvinceMonth.objects.all(), months)
        .values("province_id")
        .annotate(**{name: Sum(column) for name, column in MONTH_COLUMNS.items()})
        .order_by()
    )
    for row in activity:
        values.setdefault(row["province_id"], _zero()).update({name: row[name] or 0 for name in ACTIVITY})
    return values


def _protect_column(name, provinces, communes):
    """Marks for one figure: {province: {commune: mark}}, {province: mark}, the country's mark."""
    commune_marks, bounds, forced = {}, {}, []
    for code, value in provinces.items():
        rows = communes.get(code, {})
        primary = [commune for commune, figures in rows.items() if small(figures[name])]
        if not primary:  # nothing to hide: the reader knows the sum of the communes exactly
            commune_marks[code] = {}
            shown = sum(figures[name] for figures in rows.values())
            bounds[code] = Cell(value, shown, shown)
            continue
        cells = {commune: commune_cell(figures[name]) for commune, figures in rows.items()}
        marks, safe = protect(cells, primary)
        commune_marks[code] = marks
        shown = sum(cell.value for commune, cell in cells.items() if commune not in marks)
        bounds[code] = Cell(
            value,
            shown + sum(cells[commune].low for commune in marks),
            shown + sum(cells[commune].high for commune in marks),
        )
        if not safe:
            forced.append(code)
    province_marks, safe = protect(bounds, forced)
    province_marks = {
        code: SMALL if mark == SMALL and small(bounds[code].value) else HIDDEN
        for code, mark in province_marks.items()
    }
    return commune_marks, province_marks, None if safe else HIDDEN


def public_table(months, provinces_asked=()):
    """The protected figures of the country and its provinces, and the communes of `provinces_asked`."""
    names = dict(Province.objects.order_by("name_key").values_list("pk", "name"))
    kept = _province_values(months)
    province_values = {code: kept.get(code, _zero()) for code in names}
    commune_values = _commune_values(months)
    nation = Unit("", "", {name: sum(values[name] for values in province_values.values()) for name in FIELDS})
    provinces = {code: Unit(code, names[code], province_values[code]) for code in names}
    commune_marks = {}
    for name in PROTECTED:
        by_commune, by_province, national_mark = _protect_column(
            name, {code: values[name] for code, values in province_values.items()}, commune_values
        )
        for code, mark in by_province.items():
            provinces[code].marks[name] = mark
        if national_mark:
            nation.marks[name] = national_mark
        for marks in by_commune.values():
            for commune, mark in marks.items():
                commune_marks.setdefault(commune, {})[name] = mark
    communes = {code: [] for code in provinces_asked}
    rows = Commune.objects.filter(province_id__in=communes).order_by("name_key")
    for pk, name, code in rows.values_list("pk", "name", "province_id"):
        communes[code].append(
            Unit(pk, name, commune_values.get(code, {}).get(pk, _zero()), commune_marks.get(pk, {}))
        )
    return Table(
        months=months,
        nation=nation,
        provinces=list(provinces.values()),
        communes=communes,
        trend=_trends(months, nation, provinces),
    )


def _trends(months, nation, provinces):
    """Sessions and citizens by month for the country ("") and each province; a series whose
    twelve-month total is hidden is hidden month by month too (its months would add up to it)."""
    kept = {}
    for row in _in_months(ProvinceMonth.objects.all(), months).values(
        "province_id", "month", *MONTH_COLUMNS.values()
    ):
        figures = kept.setdefault(row["province_id"], {}).setdefault(row["month"], {})
        nation_month = kept.setdefault("", {}).setdefault(row["month"], dict.fromkeys(ACTIVITY, 0))
        for name, column in MONTH_COLUMNS.items():
            figures[name] = row[column]
            nation_month[name] += row[column]
    units = {"": nation, **provinces}
    return {
        code: [
            (
                month,
                *(
                    None if name in unit.marks else kept.get(code, {}).get(month, {}).get(name, 0)
                    for name in ACTIVITY
                ),
            )
            for month in months
        ]
        for code, unit in units.items()
    }
