"""Teams' kinds of list for the spreadsheet importer (rosters/): the team roster, the village list
and the assistance logs kept in Excel.

`register` is called from teams' AppConfig.ready; it also registers the members, teams and logs
exports. The planners and writer live beside it; the engine they plug into knows nothing of teams.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from accounts.scopes import visible
from rosters import kinds
from teams.models import Member, Team

TEAM_LOGS = "team_logs"  # the kind a leader imports


def imported_teams(user, summary):
    """The teams an import wrote to, with their members now (the job page once it is done)."""
    current = Prefetch("members", queryset=Member.objects.current().order_by("role", "name_key"))
    teams = visible(user, Team.objects.filter(pk__in=summary.get("team_ids", [])))
    return {"teams": teams.select_related("village", "commune").prefetch_related(current)}


def register():
    # The package's own modules import it (`from teams.roster_kinds import columns`): loaded here,
    # once the package is whole.
    from teams.roster_kinds import columns, exports, log_columns  # noqa: PLC0415
    from teams.roster_kinds.leader_logs import TeamLogPlanner, leader_scope  # noqa: PLC0415
    from teams.roster_kinds.log_writer import write_logs  # noqa: PLC0415
    from teams.roster_kinds.logs import LogPlanner  # noqa: PLC0415
    from teams.roster_kinds.plan import RosterPlanner  # noqa: PLC0415
    from teams.roster_kinds.villages import VillagePlanner  # noqa: PLC0415
    from teams.roster_kinds.writer import write_plan  # noqa: PLC0415

    shown = {"summary_template": "teams/roster_kinds/summary.html"}
    done = {"done_template": "teams/roster_kinds/done.html", "done_context": imported_teams}
    roster = kinds.SheetTemplate(
        "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG",
        [column for column in columns.ROSTER_COLUMNS if column not in (columns.DISTRICT, columns.NAME_PART)],
        columns.ROSTER_EXAMPLE,
    )
    villages = kinds.SheetTemplate(
        "DANH SÁCH THÔN, TỔ DÂN PHỐ",
        [column for column in columns.VILLAGE_COLUMNS if column is not columns.DISTRICT],
        columns.VILLAGE_EXAMPLE,
    )
    kinds.register(kinds.Kind("roster", _("team roster"), RosterPlanner, write_plan, roster, **shown, **done))
    kinds.register(kinds.Kind("villages", _("village list"), VillagePlanner, write_plan, villages, **shown))
    logs = kinds.SheetTemplate(
        "SỔ THEO DÕI CÁC BUỔI HỖ TRỢ NGƯỜI DÂN", log_columns.LOG_COLUMNS, log_columns.LOG_EXAMPLE
    )
    kinds.register(
        kinds.Kind(
            "logs", _("assistance logs"), LogPlanner, write_logs, logs, "teams/roster_kinds/logs_summary.html"
        )
    )
    # The same sheet, imported by a team's leader from the team area (teams/views/log_import.py).
    kinds.register(
        kinds.Kind(
            TEAM_LOGS,
            _("your team's sessions"),
            TeamLogPlanner,
            write_logs,
            logs,
            "teams/roster_kinds/logs_summary.html",
            scope_of=leader_scope,
        )
    )
    exports.register()
