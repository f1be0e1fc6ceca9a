"""The figures of the national, province, commune and team dashboards, scoped to the viewer.

Activity (sessions, citizens, outcomes) above the team level is read from the commune-month
totals (teams/summaries.py); villages, teams and members are counted live. Every queryset goes
through `accounts.scopes.visible`, so a figure can never include a unit the viewer cannot open.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from accounts.scopes import visible
from places.models import Commune, Province, Village
from teams.models import (
    AssistanceLog,
    CommuneMonth,
    CommuneMonthOutcome,
    LogOutcome,
    Member,
    OutcomeType,
    Team,
)
from teams.summaries import month_start, next_month

MONTHS_SHOWN = 12


def last_months(count=MONTHS_SHOWN, today=None):
    """The first days of the last `count` months, oldest first, ending with this month."""
    current = month_start(today or timezone.localdate())
    months = [current]
    for _ in range(count - 1):
        previous = months[-1]
        months.append(date(previous.year - (previous.month == 1), (previous.month - 2) % 12 + 1, 1))
    return months[::-1]


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


def _grouped(queryset, key, **aggregates):
    return {row[key]: row for row in queryset.values(key).annotate(**aggregates).order_by()}


def _fill(rows_by_key, user, *, village_key, team_key, member_key, activity_qs, activity_key, months):
    """Add counts of villages, covered villages, members and activity to rows keyed by unit."""
    villages = _grouped(visible(user, Village.objects.all()), village_key, n=Count("pk"))
    covered = _grouped(
        visible(user, Team.objects.active().filter(village__isnull=False)),
        team_key,
        n=Count("village", distinct=True),
    )
    members = _grouped(
        visible(user, Member.objects.current().filter(team__status=Team.Status.ACTIVE)),
        member_key,
        n=Count("pk"),
        trained=Count("pk", filter=Q(training_status=Member.TrainingStatus.TRAINED)),
    )
    activity = _grouped(
        activity_qs.filter(month__gte=months[0], month__lt=next_month(months[-1])),
        activity_key,
        sessions=Sum("sessions"),
        citizens=Sum("citizens_helped"),
    )
    for key, row in rows_by_key.items():
        row.villages = villages.get(key, {}).get("n", 0)
        row.covered = covered.get(key, {}).get("n", 0)
        row.members = members.get(key, {}).get("n", 0)
        row.trained = members.get(key, {}).get("trained", 0)
        row.sessions = activity.get(key, {}).get("sessions") or 0
        row.citizens = activity.get(key, {}).get("citizens") or 0


def _total(rows, population_known):
    total = UnitRow(label="")
    for row in rows:
        for name in ("villages", "covered", "members", "trained", "sessions", "citizens"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    if population_known and rows and all(row.population for row in rows):
        total.population = sum(row.population for row in rows)
    return total


def _trend(queryset, months):
    by_month = {
        row["month"]: row
        for row in queryset.filter(month__gte=months[0], month__lt=next_month(months[-1]))
        .values("month")
        .annotate(sessions=Sum("sessions"), citizens=Sum("citizens_helped"))
        .order_by()
    }
    return (
        [by_month.get(month, {}).get("sessions") or 0 for month in months],
        [by_month.get(month, {}).get("citizens") or 0 for month in months],
    )


def _outcomes(totals):
    """[(service, outcome, total)] for {outcome type id: total}, in the data's own order."""
    types = OutcomeType.objects.filter(pk__in=totals).select_related("service")
    ordered = sorted(types, key=lambda t: (t.service.sort_order, t.service.code, t.sort_order, t.code))
    return [(t.service.name, t.name, totals[t.pk]) for t in ordered]


def _summary_outcomes(queryset, months):
    rows = (
        queryset.filter(month__gte=months[0], month__lt=next_month(months[-1]))
        .values("outcome_type_id")
        .annotate(total=Sum("total"))
        .order_by()
    )
    return _outcomes({row["outcome_type_id"]: row["total"] for row in rows})


def national(user, months):
    provinces = list(visible(user, Province.objects.all()).order_by("name_key"))
    rows = {p.pk: UnitRow(p.name, reverse("teams:dashboard_province", args=[p.pk])) for p in provinces}
    _fill(
        rows,
        user,
        village_key="commune__province_id",
        team_key="commune__province_id",
        member_key="team__commune__province_id",
        activity_qs=visible(user, CommuneMonth.objects.all()),
        activity_key="province_id",
        months=months,
    )
    populations = _grouped(
        visible(user, Commune.objects.all()),
        "province_id",
        known=Sum("population"),
        unknown=Count("pk", filter=Q(population__isnull=True)),
    )
    for key, row in rows.items():
        population = populations.get(key, {})
        row.population = population.get("known") if not population.get("unknown") else None
    summaries = visible(user, CommuneMonth.objects.all())
    sessions, citizens = _trend(summaries, months)
    return Dashboard(
        level="nation",
        title="",
        rows=list(rows.values()),
        total=_total(list(rows.values()), True),
        months=months,
        sessions_by_month=sessions,
        citizens_by_month=citizens,
        outcomes=_summary_outcomes(visible(user, CommuneMonthOutcome.objects.all()), months),
    )


def province(user, province_obj, months):
    communes = list(visible(user, Commune.objects.filter(province=province_obj)).order_by("name_key"))
    rows = {
        c.pk: UnitRow(c.name, reverse("teams:dashboard_commune", args=[c.pk]), population=c.population)
        for c in communes
    }
    _fill(
        rows,
        user,
        village_key="commune_id",
        team_key="commune_id",
        member_key="team__commune_id",
        activity_qs=visible(user, CommuneMonth.objects.filter(province=province_obj)),
        activity_key="commune_id",
        months=months,
    )
    summaries = visible(user, CommuneMonth.objects.filter(province=province_obj))
    sessions, citizens = _trend(summaries, months)
    outcomes = visible(user, CommuneMonthOutcome.objects.filter(province=province_obj))
    return Dashboard(
        level="province",
        title=province_obj.name,
        rows=list(rows.values()),
        total=_total(list(rows.values()), True),
        months=months,
        sessions_by_month=sessions,
        citizens_by_month=citizens,
        outcomes=_summary_outcomes(outcomes, months),
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
            row.href = reverse("teams:dashboard_team", args=[team.pk])
            team_rows[team.pk] = row
        rows.append(row)
    for team in teams:
        if not team.village_id:
            row = UnitRow(team.name, reverse("teams:dashboard_team", args=[team.pk]))
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
    for team_id, row in team_rows.items():
        row.members = members.get(team_id, {}).get("n", 0)
        row.trained = members.get(team_id, {}).get("trained", 0)
        row.sessions = activity.get(team_id, {}).get("sessions", 0)
        row.citizens = activity.get(team_id, {}).get("citizens") or 0
    summaries = visible(user, CommuneMonth.objects.filter(commune=commune_obj))
    sessions, citizens = _trend(summaries, months)
    outcomes = visible(user, CommuneMonthOutcome.objects.filter(commune=commune_obj))
    total = _total(rows, False)
    total.population = commune_obj.population
    return Dashboard(
        level="commune",
        title=commune_obj.name,
        rows=rows,
        total=total,
        months=months,
        sessions_by_month=sessions,
        citizens_by_month=citizens,
        outcomes=_summary_outcomes(outcomes, months),
        unit=commune_obj,
    )


def team_activity(team, months):
    """(sessions by month, citizens by month, outcomes) of one team, from its own logs."""
    logs = team.logs.filter(held_on__gte=months[0], held_on__lt=next_month(months[-1]))
    by_month = {
        row["month"]: row
        for row in logs.annotate(month=TruncMonth("held_on"))
        .values("month")
        .annotate(sessions=Count("pk"), citizens=Sum("citizens_helped"))
        .order_by()
    }
    by_month = {(m.date() if hasattr(m, "date") else m): row for m, row in by_month.items()}
    outcome_rows = (
        LogOutcome.objects.filter(log__in=logs)
        .values("outcome_type_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return (
        [by_month.get(m, {}).get("sessions", 0) for m in months],
        [by_month.get(m, {}).get("citizens") or 0 for m in months],
        _outcomes({row["outcome_type_id"]: row["total"] for row in outcome_rows}),
    )
