"""The kinds of list the importer reads, registered by the apps that own them, and their Planner base.

rosters/ knows nothing of teams or trainings: each app registers its kinds (a `Kind`: a planner, a
writer, a template, what the job page shows) from its `AppConfig.ready`, and its exports with
`register_export`. The admin pages, the Celery tasks, the command and the error workbook then
work for every kind alike.

`Planner` owns the sheet loop every kind shares: find each sheet's table (rosters/headers.py, with
the officer's column choices), account for sheets without one, say what each column was read as,
list every row skipped and why, read each record through the kind's `read_row`, then let the
kind match all rows at once (`plan_rows`: one query per chunk, never one per row).
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from rosters.cleaning import CellError
from rosters.headers import NOT_IMPORTED, UNKNOWN, ColumnChoices, find_table, survey
from rosters.outcome import READ, Plan
from rosters.tables import missing_header_message


@dataclass(frozen=True)
class SheetTemplate:
    """The blank template officers download: a title line, the columns, an example row."""

    title: str
    columns: list
    example: dict


@dataclass(frozen=True)
class Kind:
    name: str  # stored on RosterImport.kind
    label: Any  # lazy text: "team roster"
    planner: type  # a Planner subclass
    write: Any  # write(plan, recorded_by=None, progress=None) -> summary; raises PlanHasErrors
    template: SheetTemplate | None = None
    # Included in the job page under the preview: what this kind's summary says ({{ summary }}).
    summary_template: str = ""
    # Included once the job is done, with `done_context(user, summary)` as {{ done }}.
    done_template: str = ""
    done_context: Any = None
    # Who imports this kind, and where: `scope_of(user)` gives the Scope the file is planned in
    # (teams' leaders' own logs: their teams only). None: officers from the admin, in the scope
    # of their roles (accounts.scopes.scope_for); only those kinds are offered there.
    scope_of: Any = None


LEFT_OUT = (UNKNOWN, NOT_IMPORTED)  # the columns a sheet's notes name as not imported
_KINDS = {}
_MISSING = object()


def register(kind):
    _KINDS[kind.name] = kind
    return kind


def get(name):
    """The registered kind named `name` (KeyError if no app registered it)."""
    return _KINDS[name]


def find(name):
    """The registered kind named `name`, or None (a job of a kind no app registers any more)."""
    return _KINDS.get(name)


def officer_kinds():
    """The kinds officers import from the admin (the others are imported from their own area)."""
    return [kind for kind in _KINDS.values() if kind.scope_of is None]


def choices():
    return [(kind.name, kind.label) for kind in officer_kinds()]


class Planner:
    """Plans one file for an officer's `scope` (accounts.scopes.Scope), writing nothing.

    A subclass sets `columns` (its schema) and `plan_class`, reads one record in `read_row`
    (returning a row, or None after `reject`ing it) and matches all rows in `plan_rows`.
    `start_sheet` may read what a sheet says above its table; setting `plan.file_error` there
    stops the reading.
    """

    columns = []
    plan_class = Plan

    def __init__(self, scope, skip_sheets=(), filename="", choices=None):
        self.scope = scope
        self.filename = filename
        self.plan = self.plan_class()
        self.skip_sheets = set(skip_sheets)  # names of sheets the officer chose to skip
        self.choices = choices or ColumnChoices()  # what the officer said unnamed columns hold
        self._cleaned = {}  # (cleaner, raw value) -> clean value or CellError

    def run(self, sheets, progress=None):
        rows = []
        for position, sheet in enumerate(sheets):
            table = find_table(sheet, self.columns, self.choices)
            if table is None:
                self.plan.account_for(sheet, position, self.columns, self.skip_sheets)
                continue
            columns = survey(table, self.columns)
            summary = self.plan.summarise(sheet, position, table, columns)
            ignored = [
                column["header"] for column in columns if column["state"] in LEFT_OUT and column["header"]
            ]
            if ignored:
                summary.notes.append(
                    _("Columns not imported: %(columns)s.") % {"columns": ", ".join(ignored)}
                )
            context = self.start_sheet(sheet, table, summary)
            if self.plan.file_error:
                return self.plan
            for record in table.records():
                row = self.read_row(table, summary, record, context)
                if row is not None:
                    rows.append(row)
            self.plan.skip_rows(summary, table.skipped_rows)
        if not any(sheet.status == READ for sheet in self.plan.sheets):
            self.plan.sheets = []
            self.plan.file_error = missing_header_message(sheets[0], self.columns)
            return self.plan
        self.plan_rows(rows, progress)
        order = {sheet.name: index for index, sheet in enumerate(self.plan.sheets)}
        self.plan.errors.sort(key=lambda error: (order.get(error.sheet, 0), error.row))
        return self.plan

    def start_sheet(self, sheet, table, summary):
        """What the rows of this sheet share (read from its title lines), passed to `read_row`."""
        return None

    def read_row(self, table, summary, record, context):
        raise NotImplementedError

    def plan_rows(self, rows, progress):
        raise NotImplementedError

    def cleaned(self, cleaner, value):
        """`cleaner(value)`, worked out once per distinct value of the file: roles, workplaces,
        years and places repeat on thousands of rows. Raises the cleaner's CellError again."""
        key = (cleaner, value)
        found = self._cleaned.get(key, _MISSING)
        if found is _MISSING:
            try:
                found = cleaner(value)
            except CellError as error:
                found = error
            self._cleaned[key] = found
        if isinstance(found, CellError):
            raise found
        return found

    def reject(self, summary, errors):
        """Count a row in error on its sheet and keep its `RowError`s."""
        summary.errors += 1
        self.plan.errors.extend(errors)
