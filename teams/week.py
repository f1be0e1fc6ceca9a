""" "This week" on the team area: what the team has to do, from wherever it is owed.

Each source is a function (team, today) -> iterable of Item, registered by the app that knows
the work: teams (members not yet trained), trainings (sessions to run, attendance not taken),
the forum (questions from the commune waiting for an answer), reporting (the monthly report's
due date), the households app (follow-up visits due). teams imports none of them: each calls
register_source in its ready(). A source returns only what is still to do, so an item clears
itself once done; it shows from `opens` (its window: a session a week ahead, the report from the
month's last days) and is overdue, in red, after `due`.

    register_source(source)
    this_week(team, today) -> [Item], at most LIMIT, overdue first, then by due date
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import ngettext

from teams.activity import next_month
from teams.models import Member

LIMIT = 10

_SOURCES = []


@dataclass(frozen=True)
class Item:
    label: str
    due: date
    opens: date
    url: str = ""

    def overdue_on(self, today):
        return self.due < today


@dataclass(frozen=True)
class Shown:
    """An item as the page shows it on `today`."""

    item: Item
    overdue: bool


def register_source(source):
    if source not in _SOURCES:
        _SOURCES.append(source)


def this_week(team, today):
    items = [item for source in _SOURCES for item in source(team, today) if item.opens <= today]
    items.sort(key=lambda item: (item.due, item.label))
    return [Shown(item, item.overdue_on(today)) for item in items[:LIMIT]]


def members_not_trained(team, today):
    """One item while any current member is untrained, due at the end of the month."""
    untrained = (
        Member.objects.current().filter(team=team).exclude(training_status=Member.TrainingStatus.TRAINED)
    )
    count = untrained.count()
    if not count:
        return []
    label = ngettext("%(count)d member not yet trained", "%(count)d members not yet trained", count) % {
        "count": count
    }
    end = next_month(today) - timedelta(days=1)
    return [Item(label, due=end, opens=today.replace(day=1))]
