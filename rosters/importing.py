"""The two steps of an import, for the admin, the Celery task and the command alike.

`plan_file` reads and plans without writing (the preview); `import_file` plans again and writes,
all or nothing. Planning again at confirm time means a roster changed by someone else between
preview and confirm is still matched correctly. The kind (rosters/kinds.py) gives the planner
and the writer.
"""

from django.db import transaction

from rosters import kinds
from rosters.outcome import Plan
from rosters.reading import SpreadsheetError, read_spreadsheet


def plan_file(data, filename, scope, kind="roster", progress=None, skip_sheets=()):
    """`skip_sheets`: names of sheets without a header the officer chose to skip (else they block)."""
    try:
        sheets = read_spreadsheet(data, filename)
    except SpreadsheetError as error:
        return Plan(file_error=str(error))
    return kinds.get(kind).planner(scope, skip_sheets, filename).run(sheets, progress)


def import_file(data, filename, scope, user=None, kind="roster", progress=None, skip_sheets=()):
    """The plan, written when it has no error (check `plan.ok`)."""
    with transaction.atomic():
        plan = plan_file(data, filename, scope, kind, progress, skip_sheets)
        if plan.ok:
            kinds.get(kind).write(plan, recorded_by=user, progress=progress)
    return plan
