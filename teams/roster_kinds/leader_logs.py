"""A leader's own sessions from Excel: the logs kind, planned inside the teams they lead.

Same columns, template, checks, keys and writer as the officers' logs kind (logs.py); only the
part of the map differs. `leader_scope` is worked out from the person's current leaderships at
the preview and again at the confirm, so a leader replaced in between writes nothing; a row
whose village is another team's (or in another commune) is an error on that cell.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from places.scopes import Scope
from teams.membership import teams_led_by
from teams.roster_kinds.logs import LogPlanner


@dataclass(frozen=True)
class TeamScope(Scope):
    """The communes of the teams a leader leads, and those teams alone."""

    teams: frozenset[int] = field(default_factory=frozenset)


def leader_scope(user):
    led = list(teams_led_by(user).values_list("pk", "commune_id", "commune__province_id"))
    return TeamScope(
        communes=frozenset(commune for _pk, commune, _province in led),
        parent_provinces=frozenset(province for _pk, _commune, province in led),
        teams=frozenset(pk for pk, _commune, _province in led),
    )


class TeamLogPlanner(LogPlanner):
    """`scope` is a TeamScope: a row's village must be served by one of its teams."""

    def _problem(self, row, village, team):
        if team is not None and team.pk not in self.scope.teams:
            return "village", _(
                "%(name)s is served by another team: only your own team's sessions are imported here."
            ) % {"name": village.name}
        return super()._problem(row, village, team)
