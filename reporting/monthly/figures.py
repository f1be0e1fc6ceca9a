"""A commune's figures for a month, compiled from the logs' totals and the teams' rows.

The same dictionary is stored in a report when it is submitted, hashed into its history, summed
into the province's month and written to the workbooks, so all of them say the same thing.
Sessions, citizens helped and outcomes come from the monthly totals (reporting/summaries.py), kept
equal to the logs in the logs' own transaction; teams and members are counted as they stood at
the month's end.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reporting.models import CommuneMonth, CommuneMonthOutcome
from teams.activity import next_month
from teams.models import Member, OutcomeType, Team

# The counted fields, in the order every page and sheet shows them.
FIELDS = {
    "teams_active": _("Teams active"),
    "members": _("Members"),
    "trained_members": _("Trained members"),
    "sessions": _("Sessions"),
    "citizens_helped": _("Citizens helped"),
}
DEFINITIONS = {
    "teams_active": _(
        "Teams founded by the month's last day and not dissolved by then; suspended teams are not counted."
    ),
    "members": _("Members of those teams on the month's last day (joined by then, not yet left)."),
    "trained_members": _("Of those members, the ones trained by the month's last day."),
    "sessions": _("Assistance sessions logged with a date in the month."),
    "citizens_helped": _("Citizens helped in those sessions."),
}


def compile_figures(commune, month):
    """{field: n, "outcomes": {outcome code: n}} of `commune` in `month`, live."""
    end = next_month(month)
    last_day = end - timedelta(days=1)
    teams = (
        Team.objects.filter(commune=commune, founded_on__lte=last_day)
        .exclude(status=Team.Status.SUSPENDED)
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=last_day))
        .exclude(status=Team.Status.DISSOLVED, dissolved_on__isnull=True)
    )
    members = Member.objects.filter(team__in=teams, joined_on__lte=last_day).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=last_day)
    )
    trained = members.filter(training_status=Member.TrainingStatus.TRAINED).filter(
        Q(trained_on__isnull=True) | Q(trained_on__lte=last_day)
    )
    activity = CommuneMonth.objects.filter(commune=commune, month=month).first()
    outcomes = dict(
        CommuneMonthOutcome.objects.filter(commune=commune, month=month, total__gt=0)
        .values_list("outcome_type__code", "total")
        .order_by("outcome_type__code")
    )
    return {
        "teams_active": teams.count(),
        "members": members.count(),
        "trained_members": trained.count(),
        "sessions": activity.sessions if activity else 0,
        "citizens_helped": activity.citizens_helped if activity else 0,
        "outcomes": outcomes,
    }


def add_up(figures_list):
    """The sum of several communes' figures (a province's month)."""
    total = dict.fromkeys(FIELDS, 0) | {"outcomes": {}}
    for figures in figures_list:
        for name in FIELDS:
            total[name] += figures.get(name, 0)
        for code, n in figures.get("outcomes", {}).items():
            total["outcomes"][code] = total["outcomes"].get(code, 0) + n
    total["outcomes"] = dict(sorted(total["outcomes"].items()))
    return total


def figures_hash(figures):
    """SHA-256 of the figures written in one canonical way: equal figures, equal hash."""
    text = json.dumps(figures, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Line:
    """One figure, labelled, with what it was when submitted and what the logs say now."""

    label: str
    stored: int | None
    now: int

    @property
    def changed(self):
        return self.stored is not None and self.stored != self.now


def outcome_names(codes):
    return {t.code: t.name for t in OutcomeType.objects.filter(code__in=codes)}


def lines(stored, now):
    """Every field of `now` beside its `stored` value (None: nothing stored yet), outcomes included."""
    result = [
        Line(str(label), stored.get(name) if stored else None, now.get(name, 0))
        for name, label in FIELDS.items()
    ]
    stored_outcomes = (stored or {}).get("outcomes", {})
    now_outcomes = now.get("outcomes", {})
    codes = sorted(set(stored_outcomes) | set(now_outcomes))
    names = outcome_names(codes)
    for code in codes:
        result.append(
            Line(
                names.get(code, code),
                stored_outcomes.get(code, 0) if stored else None,
                now_outcomes.get(code, 0),
            )
        )
    return result
