"""What planning a file found, sheet by sheet: the `Plan` every kind of list returns.

The preview page, the command and the job record show its `summary()`; the writers carry it out.
Each kind extends `Plan` with what it writes (teams' RosterPlan, trainings' AttendancePlan) and
says through `changes()` how much confirming would change.
Every sheet of the file has a `SheetSummary`, read or not (`Plan.account_for`), so no sheet
vanishes from the preview without a word; every row skipped below a header is listed with why
(`skipped_rows`), and every column with what it was read as (`SheetSummary.columns`): a column
whose values look like a field nobody named blocks the import (`columns_to_map`).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rosters.headers import BLOCKING
from rosters.tables import SIGNATURE, TITLE, TOTAL, RowError, missing_header_message

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"
READ, EMPTY, NO_HEADER, SKIPPED_BY_OFFICER = "read", "empty", "no_header", "skipped_by_officer"


class PlanHasErrors(Exception):
    """Raised by a writer given a plan with errors, inside its transaction: nothing is written."""


@dataclass
class SheetSummary:
    name: str
    position: int  # the sheet's index in the workbook
    header_row: int | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: int = 0
    converted_from: str | None = None
    notes: list = field(default_factory=list)
    # Every column: {"letter", "header", "key", "samples", "field", "label", "state"} (headers.survey).
    columns: list = field(default_factory=list)
    signature: str = ""  # of its header: the officer's choices are remembered by it
    # READ, or why nothing of it is imported: EMPTY, NO_HEADER (blocks the import), SKIPPED_BY_OFFICER.
    status: str = "read"


@dataclass
class Plan:
    sheets: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # RowError
    warnings: list = field(default_factory=list)  # RowError: converted phones and the like
    skipped_rows: list = field(default_factory=list)  # RowError: why each row was not imported
    file_error: str = ""

    @property
    def columns_to_map(self):
        """Columns nobody named whose values look like a field's: the officer says what they hold."""
        return [
            {"sheet": sheet.name, **column}
            for sheet in self.sheets
            for column in sheet.columns
            if column["state"] == BLOCKING
        ]

    @property
    def sheets_without_header(self):
        """Sheets with text but no header row: nothing is imported until each is fixed or skipped."""
        return [sheet.name for sheet in self.sheets if sheet.status == NO_HEADER]

    @property
    def ok(self):
        return (
            not self.file_error
            and not self.errors
            and not self.sheets_without_header
            and not self.columns_to_map
        )

    def count(self, status):
        return sum(getattr(sheet, status) for sheet in self.sheets)

    def changes(self):
        """Above 0 when confirming would write something; 0 when the file changes nothing."""
        return self.count(NEW) + self.count(UPDATED)

    def summary(self):
        """What the preview page, the command and the job record show (JSON-ready)."""
        return {
            "file_error": self.file_error,
            "sheets": [sheet.__dict__ for sheet in self.sheets],
            "totals": {key: self.count(key) for key in (NEW, UPDATED, UNCHANGED, "skipped", "errors")},
            "changes": self.changes(),
            "errors": [error.as_dict() for error in self.errors],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "sheets_without_header": self.sheets_without_header,
            "skipped_rows": [row.as_dict() for row in self.skipped_rows],
            "columns_to_map": self.columns_to_map,
        }

    def summarise(self, sheet, position, table, columns):
        """The summary of a sheet whose table was found, with what was converted in it and what
        each column was read as."""
        summary = SheetSummary(
            sheet.name,
            position,
            table.header_index + 1,
            converted_from=sheet.converted_from,
            columns=columns,
            signature=table.signature,
        )
        summary.notes.extend(sheet.conversion_notes())
        if table.first_header_index != table.header_index:
            summary.notes.append(
                _("The header takes two rows (%(first)s and %(last)s).")
                % {"first": table.first_header_index + 1, "last": table.header_index + 1}
            )
        self.sheets.append(summary)
        return summary

    def skip_rows(self, summary, skipped):
        """Count and list the rows of a sheet that hold no member: (row number, reason)."""
        reasons = {
            TITLE: _("Title line: not a member."),
            TOTAL: _("Subtotal or total line: not a member."),
            SIGNATURE: _("Signature block below the table: not a member."),
        }
        other = _("Nothing in the columns imported (only a row number or text in other columns).")
        summary.skipped += len(skipped)
        self.skipped_rows.extend(
            RowError(summary.name, row, "", reasons.get(reason, other)) for row, reason in skipped
        )

    def account_for(self, sheet, position, schema, skip_sheets):
        """Record a sheet `find_table` found no header in, so that no sheet vanishes unsaid: an
        empty sheet is noted, one the officer chose to skip is noted as skipped, any other blocks
        the import (`ok`) with a message saying which columns its header needs."""
        summary = SheetSummary(sheet.name, position, status=NO_HEADER)
        if not any(value not in (None, "") for row in sheet.rows for value in row):
            summary.status = EMPTY
            summary.notes.append(_("The sheet is empty: nothing to import."))
        elif sheet.name in skip_sheets:
            summary.status = SKIPPED_BY_OFFICER
            summary.skipped = sum(1 for row in sheet.rows if any(value not in (None, "") for value in row))
            summary.notes.append(_("Skipped, as the officer chose: nothing on this sheet is imported."))
        else:
            summary.notes.append(missing_header_message(sheet, schema))
        self.sheets.append(summary)
