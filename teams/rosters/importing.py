"""The two steps of an import, for the admin, the Celery task and the command alike.

`plan_file` reads and plans without writing (the preview); `import_file` plans again and writes,
all or nothing. Planning again at confirm time means a roster changed by someone else between
preview and confirm is still matched correctly.

A kind of list is a (planner, writer) pair: a planner's `run(sheets, progress)` returns a `Plan`
(reading through tables.find_table and reporting `RowError`s), a writer carries it out. The
attendance list (trainings/attendance_sheet.py) is such a pair with its own `RosterImport.Kind`;
the admin pages, the task, the command and the errors download work for it unchanged.
"""

from django.db import transaction

from teams.rosters.outcome import Plan
from teams.rosters.plan import RosterPlanner
from teams.rosters.reading import SpreadsheetError, read_spreadsheet
from teams.rosters.villages import VillagePlanner
from teams.rosters.writer import write_plan
from trainings.attendance_sheet import AttendancePlanner, write_attendance

ROSTER, VILLAGES, ATTENDANCE = "roster", "villages", "attendance"
PLANNERS = {ROSTER: RosterPlanner, VILLAGES: VillagePlanner, ATTENDANCE: AttendancePlanner}
WRITERS = {ROSTER: write_plan, VILLAGES: write_plan, ATTENDANCE: write_attendance}


def plan_file(data, filename, scope, kind=ROSTER, progress=None, skip_sheets=()):
    """`skip_sheets`: names of sheets without a header the officer chose to skip (else they block)."""
    try:
        sheets = read_spreadsheet(data, filename)
    except SpreadsheetError as error:
        return Plan(file_error=str(error))
    if kind == ROSTER:
        planner = RosterPlanner(
            scope, skip_sheets, sheet_names_are_villages=not filename.lower().endswith((".csv", ".txt"))
        )
    else:
        planner = PLANNERS[kind](scope, skip_sheets)
    return planner.run(sheets, progress)


def import_file(data, filename, scope, user=None, kind=ROSTER, progress=None, skip_sheets=()):
    """The plan, written when it has no error (check `plan.ok`)."""
    with transaction.atomic():
        plan = plan_file(data, filename, scope, kind, progress, skip_sheets)
        if plan.ok:
            WRITERS[kind](plan, recorded_by=user, progress=progress)
    return plan
