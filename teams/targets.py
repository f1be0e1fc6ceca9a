"""Targets and how far a team has come: "16 of 20".

A measure is registered with a key, a label and a function that counts it for many teams at
once: count(teams, start, end) -> {team id: figure}, `start`/`end` the month's first day and the
next month's first day for a monthly measure. teams registers what its logs count (citizens
helped, VNeID level-2 activations); apps above it register theirs in their ready() (households
covered, from the households app), since teams imports nothing above it.

    register_measure(key, label, count, *, monthly=True)
    progress(teams, today) -> {team id: [Progress]}   only measures with a target
"""

from dataclasses import dataclass

from django.db.models import Q, Sum

from places.models import Commune
from teams.activity import month_start, next_month
from teams.models import AssistanceLog, LogOutcome, Target

VNEID_LEVEL2 = "vneid-level2"  # the outcome type seeded by teams/migrations/0003_seed_services.py


@dataclass(frozen=True)
class Measure:
    key: str
    label: object  # lazy text
    count: object  # callable(teams, start, end) -> {team id: int}
    monthly: bool


_MEASURES = {}


def register_measure(key, label, count, *, monthly=True):
    _MEASURES[key] = Measure(key, label, count, monthly)


def measures():
    return list(_MEASURES.values())


@dataclass(frozen=True)
class Progress:
    measure: Measure
    target: int
    done: int

    @property
    def percent(self):
        """For the bar's width: 0 to 100, a target met or passed is a full bar."""
        return min(100, round(100 * self.done / self.target)) if self.target else 100

    @property
    def met(self):
        return self.done >= self.target


def targets_of(teams):
    """{(team id, measure key): value}: the team's own target, else its province's default."""
    teams = list(teams)
    province_of = dict(
        Commune.objects.filter(pk__in={team.commune_id for team in teams}).values_list("pk", "province_id")
    )
    own, defaults = {}, {}
    rows = Target.objects.filter(Q(team__in=teams) | Q(province_id__in=set(province_of.values())))
    for team_id, province_id, key, value in rows.values_list("team_id", "province_id", "measure", "value"):
        if team_id:
            own[team_id, key] = value
        else:
            defaults[province_id, key] = value
    found = {}
    for team in teams:
        for key in _MEASURES:
            value = own.get((team.pk, key), defaults.get((province_of[team.commune_id], key)))
            if value:
                found[team.pk, key] = value
    return found


def progress(teams, today):
    """{team id: [Progress]} for this month (or in all, for a measure that is not monthly)."""
    teams = list(teams)
    targets = targets_of(teams)
    start, end = month_start(today), next_month(today)
    result = {team.pk: [] for team in teams}
    for measure in _MEASURES.values():
        aimed = [team for team in teams if (team.pk, measure.key) in targets]
        if not aimed:
            continue
        figures = measure.count(aimed, start, end) if measure.monthly else measure.count(aimed, None, None)
        for team in aimed:
            result[team.pk].append(Progress(measure, targets[team.pk, measure.key], figures.get(team.pk, 0)))
    return result


def citizens_helped(teams, start, end):
    rows = (
        AssistanceLog.objects.filter(team__in=teams, held_on__gte=start, held_on__lt=end)
        .values("team_id")
        .annotate(total=Sum("citizens_helped"))
        .order_by()
    )
    return {row["team_id"]: row["total"] or 0 for row in rows}


def vneid_activations(teams, start, end):
    rows = (
        LogOutcome.objects.filter(
            log__team__in=teams,
            log__held_on__gte=start,
            log__held_on__lt=end,
            outcome_type__code=VNEID_LEVEL2,
        )
        .values("log__team_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return {row["log__team_id"]: row["total"] or 0 for row in rows}
