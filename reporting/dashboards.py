"""The figures of the national, province and commune dashboards, scoped to the viewer.

National and province pages read only totals (reporting/models): one row per province or commune
and month shown, whatever the number of teams, members or logs behind them. Provinces the viewer
sees whole are read from the province rows; a commune officer's province (seen only through their
communes) is summed from the rows of those communes. The commune page lists its teams, so it
counts their members and logs live. Every queryset goes through `accounts.scopes.visible`, or is
limited to the provinces `scope_for` gives whole, so a figure never includes a unit the viewer
cannot open.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone

from accounts.scopes import scope_for, visible
from places.models import Commune, Province, Village
from reporting.models import (
    CommuneMonth,
    CommuneMonthOutcome,
    CommuneTotals,
    ProvinceMonth,
    ProvinceMonthOutcome,
    ProvinceTotals,
)
from teams import targets
from teams.activity import next_month, outcome_list
from teams.models import AssistanceLog, Member, Team


@dataclass
class UnitRow:
    label: str
    href: str = ""
    villages: int = 0
    covered: int = 0
    members: int = 0
    trained: int = 0
    sessions: int = 0
    citizens: int = 0
    population: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def coverage(self):
        return round(100 * self.covered / self.villages, 1) if self.villages else None

    @property
    def trained_share(self):
        return round(100 * self.trained / self.members, 1) if self.members else None

    @property
    def per_1000(self):
        return round(1000 * self.citizens / self.population, 1) if self.population else None


@dataclass
class Dashboard:
    level: str
    title: str
    rows: list
    total: UnitRow
    months: list
    sessions_by_month: list
    citizens_by_month: list
    outcomes: list  # (service name, outcome name, total)
    parents: list = field(default_factory=list)  # (label, href) breadcrumbs
    unit: object = None


COUNTS = {
    "villages": "villages",
    "covered": "covered_villages",
    "members": "members",
    "trained": "trained_members",
}


def _grouped(queryset, key, **aggregates):
    return {row[key]: row for row in queryset.values(key).annotate(**aggregates).order_by()}


def _in_months(queryset, months):
    return queryset.filter(month__gte=months[0], month__lt=next_month(months[-1]))


class _Totals:
    """Where a set of provinces' figures come from: province rows for the provinces the viewer
    sees whole, rows of their visible communes for the others."""

    def __init__(self, user, province_ids):
        scope = scope_for(user)
        self.whole = {pk for pk in province_ids if scope.national or pk in scope.provinces}
        self.partial = set(province_ids) - self.whole
        self.user = user

    def _pair(self, province_model, commune_model):
        yield province_model.objects.filter(province_id__in=self.whole)
        if self.partial:
            yield visible(self.user, commune_model.objects.filter(province_id__in=self.partial))

    def counts(self):
        """{province id: {counted field: n}}"""
        sums = {name: Sum(name) for name in COUNTS.values()}
        result = {}
        for queryset in self._pair(ProvinceTotals, CommuneTotals):
            result |= _grouped(queryset, "province_id", **sums)
        return result

    def activity(self, months, key):
        """{key: (sessions, citizens)} summed over `months`, key "province_id" or "month"."""
        result = {}
        for queryset in self._pair(ProvinceMonth, CommuneMonth):
            for value, row in _grouped(
                _in_months(queryset, months), key, sessions=Sum("sessions"), citizens=Sum("citizens_helped")
            ).items():
                before = result.get(value, (0, 0))
                result[value] = (before[0] + (row["sessions"] or 0), before[1] + (row["citizens"] or 0))
        return result

    def outcomes(self, months):
        totals = {}
        for queryset in self._pair(ProvinceMonthOutcome, CommuneMonthOutcome):
            for type_id, row in _grouped(
                _in_months(queryset, months), "outcome_type_id", n=Sum("total")
            ).items():
                totals[type_id] = totals.get(type_id, 0) + row["n"]
        return outcome_list({type_id: total for type_id, total in totals.items() if total})

    def trend(self, months):
        by_month = self.activity(months, "month")
        return [by_month.get(m, (0, 0))[0] for m in months], [by_month.get(m, (0, 0))[1] for m in months]


def _set_counts(row, counts):
    for name, column in COUNTS.items():
        setattr(row, name, counts.get(column) or 0)


def _total(rows, population_known):
    total = UnitRow(label="")
    for row in rows:
        for name in ("villages", "covered", "members", "trained", "sessions", "citizens"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    if population_known and rows and all(row.population for row in rows):
        total.population = sum(row.population for row in rows)
    return total


def _board(level, title, rows, totals, months, outcomes, unit=None, total=None):
    sessions, citizens = totals
    return Dashboard(
        level=level,
        title=title,
        rows=rows,
        total=total or _total(rows, True),
        months=months,
        sessions_by_month=sessions,
        citizens_by_month=citizens,
        outcomes=outcomes,
        unit=unit,
    )


def national(user, months):
    provinces = list(visible(user, Province.objects.all()).order_by("name_key"))
    rows = {p.pk: UnitRow(p.name, reverse("reporting:dashboard_province", args=[p.pk])) for p in provinces}
    totals = _Totals(user, rows)
    counts, activity = totals.counts(), totals.activity(months, "province_id")
    populations = _grouped(
        visible(user, Commune.objects.all()),
        "province_id",
        known=Sum("population"),
        unknown=Count("pk", filter=Q(population__isnull=True)),
    )
    for key, row in rows.items():
        _set_counts(row, counts.get(key, {}))
        row.sessions, row.citizens = activity.get(key, (0, 0))
        population = populations.get(key, {})
        row.population = population.get("known") if not population.get("unknown") else None
    return _board("nation", "", list(rows.values()), totals.trend(months), months, totals.outcomes(months))


def province(user, province_obj, months):
    communes = list(visible(user, Commune.objects.filter(province=province_obj)).order_by("name_key"))
    rows = {
        c.pk: UnitRow(c.name, reverse("reporting:dashboard_commune", args=[c.pk]), population=c.population)
        for c in communes
    }
    counts = {
        row.pop("commune_id"): row
        for row in visible(user, CommuneTotals.objects.filter(province=province_obj)).values(
            "commune_id", *COUNTS.values()
        )
    }
    activity = _grouped(
        _in_months(visible(user, CommuneMonth.objects.filter(province=province_obj)), months),
        "commune_id",
        sessions=Sum("sessions"),
        citizens=Sum("citizens_helped"),
    )
    for key, row in rows.items():
        _set_counts(row, counts.get(key, {}))
        row.sessions = activity.get(key, {}).get("sessions") or 0
        row.citizens = activity.get(key, {}).get("citizens") or 0
    totals = _Totals(user, [province_obj.pk])
    return _board(
        "province",
        province_obj.name,
        list(rows.values()),
        totals.trend(months),
        months,
        totals.outcomes(months),
        unit=province_obj,
    )


def commune(user, commune_obj, months):
    """One row per village (with its team, if any) and per commune-level team."""
    teams = list(
        visible(
            user, Team.objects.filter(commune=commune_obj).exclude(status=Team.Status.DISSOLVED)
        ).select_related("village")
    )
    team_rows = {}
    rows = []
    teams_by_village = {team.village_id: team for team in teams if team.village_id}
    for village in visible(user, Village.objects.filter(commune=commune_obj)).order_by("name_key"):
        team = teams_by_village.get(village.pk)
        row = UnitRow(village.name, population=village.population, villages=1)
        row.covered = int(bool(team and team.status == Team.Status.ACTIVE))
        row.extra["team"] = team
        if team:
            row.href = reverse("reporting:dashboard_team", args=[team.pk])
            team_rows[team.pk] = row
        rows.append(row)
    for team in teams:
        if not team.village_id:
            row = UnitRow(team.name, reverse("reporting:dashboard_team", args=[team.pk]))
            row.extra["team"] = team
            team_rows[team.pk] = row
            rows.append(row)
    members = _grouped(
        Member.objects.current().filter(team_id__in=team_rows),
        "team_id",
        n=Count("pk"),
        trained=Count("pk", filter=Q(training_status=Member.TrainingStatus.TRAINED)),
    )
    logs = visible(user, AssistanceLog.objects.filter(commune=commune_obj))
    activity = _grouped(
        logs.filter(held_on__gte=months[0], held_on__lt=next_month(months[-1])),
        "team_id",
        sessions=Count("pk"),
        citizens=Sum("citizens_helped"),
    )
    aims = targets.progress(teams, timezone.localdate())
    for team_id, row in team_rows.items():
        row.extra["targets"] = aims.get(team_id, [])
        row.members = members.get(team_id, {}).get("n", 0)
        row.trained = members.get(team_id, {}).get("trained", 0)
        row.sessions = activity.get(team_id, {}).get("sessions", 0)
        row.citizens = activity.get(team_id, {}).get("citizens") or 0
    by_month = _grouped(
        _in_months(visible(user, CommuneMonth.objects.filter(commune=commune_obj)), months),
        "month",
        sessions=Sum("sessions"),
        citizens=Sum("citizens_helped"),
    )
    trend = (
        [by_month.get(m, {}).get("sessions") or 0 for m in months],
        [by_month.get(m, {}).get("citizens") or 0 for m in months],
    )
    outcomes = _grouped(
        _in_months(visible(user, CommuneMonthOutcome.objects.filter(commune=commune_obj)), months),
        "outcome_type_id",
        n=Sum("total"),
    )
    total = _total(rows, False)
    total.population = commune_obj.population
    return _board(
        "commune",
        commune_obj.name,
        rows,
        trend,
        months,
        outcome_list({key: row["n"] for key, row in outcomes.items()}),
        unit=commune_obj,
        total=total,
    )


def activity_total(user, board, months):
    """(sessions, citizens helped) of the board's unit over `months`, read from the same totals
    as the board: what the previous period is compared by."""
    if board.level == "commune":
        queryset = _in_months(visible(user, CommuneMonth.objects.filter(commune=board.unit)), months)
        sums = queryset.aggregate(sessions=Sum("sessions"), citizens=Sum("citizens_helped"))
        return sums["sessions"] or 0, sums["citizens"] or 0
    if board.level == "province":
        province_ids = [board.unit.pk]
    else:
        province_ids = list(visible(user, Province.objects.all()).values_list("pk", flat=True))
    by_month = _Totals(user, province_ids).activity(months, "month").values()
    return sum(s for s, _c in by_month), sum(c for _s, c in by_month)
