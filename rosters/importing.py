"""The two steps of an import, for the admin, the Celery task and the command alike.

`plan_file` reads and plans without writing (the preview); `import_file` plans again and writes,
all or nothing. Planning again at confirm time means a roster changed by someone else between
preview and confirm is still matched correctly; only the reading of the file, which depends on
its bytes alone, is kept from the preview for the confirm (rosters/read_cache.py). The kind
(rosters/kinds.py) gives the planner and the writer.
"""

import gc
from contextlib import contextmanager

from django.db import transaction

from rosters import kinds, read_cache
from rosters.outcome import Plan
from rosters.reading import SpreadsheetError


@contextmanager
def _cycle_collector_paused():
    """An import makes a few million objects that live until it ends (cells, rows, the plan): the
    cyclic garbage collector walked them all again at each full collection, a sixth of the CPU of
    a provincial import, to free next to nothing (the import's peak memory is the same without
    it). Paused while a file is planned and written, then it runs as before. The pause is the
    whole process's: imports run in Celery workers and the command, one at a time per process
    (in the embedded mode, with no broker, in the web process that took the upload)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def plan_file(data, filename, scope, kind="roster", progress=None, skip_sheets=(), choices=None):
    """`skip_sheets`: names of sheets without a header the officer chose to skip (else they block);
    `choices`: what the officer said columns hold (rosters.headers.ColumnChoices)."""
    with _cycle_collector_paused():
        return _plan_file(data, filename, scope, kind, progress, skip_sheets, choices)


def _plan_file(data, filename, scope, kind, progress, skip_sheets, choices):
    try:
        sheets = read_cache.read_sheets(data, filename)
    except SpreadsheetError as error:
        return Plan(file_error=str(error))
    return kinds.get(kind).planner(scope, skip_sheets, filename, choices).run(sheets, progress)


def import_file(data, filename, scope, user=None, kind="roster", progress=None, skip_sheets=(), choices=None):
    """The plan, written when it has no error (check `plan.ok`)."""
    with _cycle_collector_paused(), transaction.atomic():
        plan = plan_file(data, filename, scope, kind, progress, skip_sheets, choices)
        if plan.ok:
            kinds.get(kind).write(plan, recorded_by=user, progress=progress)
            read_cache.forget_on_commit(data, filename)
    return plan
