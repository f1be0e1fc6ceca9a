"""Finding the table inside a sheet: its header row, its columns, its data rows, its errors.

A schema (a list of `Column`s) says which headers a list may have, in any of their spellings; the
header row is the row among the first ones that matches most of them, so title lines ("ỦY BAN
NHÂN DÂN XÃ …", "DANH SÁCH THÀNH VIÊN …", a date) above it are passed over. Below it, blank rows
and rows holding only an STT number are passed over, and the table ends at a total row
("Tổng cộng") or a signature block.

Generic on purpose: the roster and the village list use it, and the attendance list will define
its own columns and reuse `find_table`, `Record` and `RowError` (and errors_file for download).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from rosters.cells import cell_text
from vietnamese.text import search_key

HEADER_SCAN_ROWS = 25
NUMBER_COLUMN = "number"  # the STT column: read, never stored
_BRACKETS = re.compile(r"\(.*?\)")
_TOTAL_WORDS = {"tong", "cong", "total", "tong cong", "tong so", "cong so"}
_FOOTER_STARTS = ("nguoi lap", "xac nhan", "ky ten", "ky ghi ro", "t m ", "tm ", "chu tich")


@lru_cache(maxsize=8192)
def _text_key(text):
    return search_key(_BRACKETS.sub(" ", text))


def header_key(text):
    """The comparison key of a header: no marks, case, punctuation or bracketed remarks."""
    return _text_key(cell_text(text))


def _is_total(text):
    """'Tổng cộng: 25', 'Cộng', 'Tổng số' (but not the name 'Tống Văn Hải')."""
    words = text.split()
    return " ".join(words[:2]) in _TOTAL_WORDS or (len(words) == 1 and words[0] in _TOTAL_WORDS)


@dataclass(frozen=True)
class Column:
    field: str
    label: str  # the Vietnamese header templates and exports write
    aliases: tuple = ()
    required: bool = False
    note: str = ""  # shown as the template's note on the column

    @property
    def keys(self):
        return {header_key(self.label), *(header_key(alias) for alias in self.aliases)}


STT = Column(NUMBER_COLUMN, "STT", ("TT", "Số TT", "Số thứ tự"))


@dataclass
class RowError:
    sheet: str
    row: int  # the row number Excel shows
    column: str  # the header as the officer wrote it, with its letter: "C (SĐT)"; "" for the row
    message: str

    def as_dict(self):
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class Record:
    row: int
    values: dict  # field -> raw cell value


@dataclass
class Table:
    sheet: object
    header_index: int
    columns: dict  # column index -> Column
    written_headers: dict = field(default_factory=dict)  # field -> "C (SĐT)"
    skipped: int = 0  # total, footer and other non-data rows passed over

    def __post_init__(self):
        self.name_fields = {column.field for column in self.columns.values() if column.required}

    def column_name(self, field_name):
        return self.written_headers.get(field_name, "")

    def error(self, record, field_name, message):
        return RowError(self.sheet.name, record.row, self.column_name(field_name), message)

    def records(self):
        """The data rows as `Record`s; sets `skipped`."""
        self.skipped = 0
        columns = list(self.columns.items())
        for index in range(self.header_index + 1, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            first = next((value for value in row if value is not None and value != ""), None)
            if first is None:
                continue
            width = len(row)
            # The cells that hold something (what `cell_text(value) != ""` says, without making
            # the text), tested inline: a function call per cell cost more than the test.
            values = {
                column.field: value
                for position, column in columns
                if position < width
                and (value := row[position]) is not None
                and (value.strip() if isinstance(value, str) else True)
            }
            values.pop(NUMBER_COLUMN, None)
            # A total row or a signature block ends the table. Only the first filled cell and the
            # name cell are looked at: "Tổng cộng" and "Người lập biểu" sit there, and reading
            # every cell of 50,000 rows would cost more than the rest of the row.
            names = [header_key(value) for key, value in values.items() if key in self.name_fields]
            first = header_key(first) if isinstance(first, str) else ""
            if (
                _is_total(first)
                or any(map(_is_total, names))
                or any(text.startswith(_FOOTER_STARTS) for text in names or [first])
            ):
                rest = self.sheet.rows[index:]
                self.skipped += sum(1 for later in rest if any(cell_text(value) for value in later))
                return
            if not values:
                self.skipped += 1  # only an STT number, or text outside the known columns
                continue
            yield Record(index + 1, values)


def find_table(sheet, schema):
    """The `Table` of `sheet` for `schema` (a list of `Column`s), or None when no row is a header.

    A header row must name every required column; among those, the row naming most columns wins.
    """
    by_key = {key: column for column in [STT, *schema] for key in column.keys}
    best = None
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        matched = {}
        for position, value in enumerate(row):
            column = by_key.get(header_key(value))
            if column and column.field not in {found.field for found in matched.values()}:
                matched[position] = column
        fields = {column.field for column in matched.values()}
        if not all(column.field in fields for column in schema if column.required):
            continue
        if best is None or len(matched) > len(best[1]):
            best = (index, matched)
    if best is None:
        return None
    index, matched = best
    written = {
        column.field: f"{get_column_letter(position + 1)} ({cell_text(sheet.rows[index][position])})"
        for position, column in matched.items()
    }
    return Table(sheet, index, matched, written)


def unmatched_headers(table):
    """Headers of the table's header row that no column of the schema reads (shown in the preview)."""
    row = table.sheet.rows[table.header_index]
    return [
        cell_text(value)
        for position, value in enumerate(row)
        if cell_text(value) and position not in table.columns
    ]


def missing_header_message(sheet, schema):
    required = ", ".join(column.label for column in schema if column.required)
    return _(
        "Sheet %(sheet)s has no header row with the columns %(columns)s: add the header row and upload again."
    ) % {
        "sheet": sheet.name,
        "columns": required,
    }
