"""The table inside a sheet once its header is found (rosters/headers.py): columns, data rows, errors.

Below the header every non-empty row is accounted for: a member's row becomes a `Record`; a title
line, a subtotal or total ("Cộng: 3 người", "Tổng cộng", in any column), a row with nothing in
the columns read, and the signature block that ends the table are skipped, each with its row
number and why (`skipped_rows`), so the preview can list them: nothing vanishes unsaid.

Generic on purpose: the roster, the village list and the attendance list use it.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _

from rosters.cells import cell_text
from vietnamese.text import normalize, search_key

NUMBER_COLUMN = "number"  # the STT column: read, never stored
_BRACKETS = re.compile(r"\(.*?\)")
# "Tổng cộng", "Tổng số: 25", "Cộng: 3 người", "Cộng 12", "Total": a subtotal or total line. Not
# "Tống Văn Hải" ("tống", accented, is a surname), "Cộng đồng …" nor "Công Văn An": a lone word
# counts only before a number, a colon or nothing.
_TOTAL = re.compile(
    r"^(?:(?:tổng cộng|tổng số|cộng số|tong cong|tong so)(?![^\W\d_])"
    r"|(?:tổng|cộng|total|cong|tong)(?=\s*(?:$|[:\d(\-])))"
)
_FOOTER_STARTS = ("nguoi lap", "xac nhan", "ky ten", "ky ghi ro", "t m ", "tm ", "chu tich")
TITLE, TOTAL, SIGNATURE, NO_DATA = "title", "total", "signature", "no_data"


@lru_cache(maxsize=8192)
def _text_key(text):
    return search_key(_BRACKETS.sub(" ", text))


def header_key(text):
    """The comparison key of a header: no marks, case, punctuation or bracketed remarks."""
    return _text_key(cell_text(text))


@lru_cache(maxsize=8192)
def is_total(text):
    """Whether a cell's text is a subtotal or total line ('Cộng: 3 người', 'Tổng cộng')."""
    return bool(_TOTAL.match(normalize(text).lower()))


def _is_footer(text):
    return header_key(text).startswith(_FOOTER_STARTS)


@dataclass(frozen=True)
class Column:
    field: str
    label: str  # the Vietnamese header templates and exports write
    aliases: tuple = ()
    required: bool = False
    note: str = ""  # shown as the template's note on the column
    # A header naming this column by meaning rather than by spelling: means(header key) -> bool
    # ("thon ban", "ap", "khu pho" for the village), tried after every exact spelling.
    means: Any = None
    # Whether a cell's text looks like this column's values: the evidence for a header row, and
    # what makes a column nobody named block the import until the officer says what it holds.
    looks_like: Any = None
    # One part of a value written over several columns ("Họ và tên đệm" | "Tên"): the parts
    # found are joined in column order.
    part: bool = False

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
    header_index: int  # the header's last row (a two-row header's lower one)
    columns: dict  # column index -> Column; a `part` column's field may have several indexes
    written_headers: dict = field(default_factory=dict)  # field -> "C (SĐT)"
    first_header_index: int | None = None  # the upper row of a two-row header
    ignored: frozenset = frozenset()  # column indexes the officer marked "not imported"
    signature: str = ""  # the header's columns, to remember the officer's choices by (headers.py)
    header_texts: dict = field(default_factory=dict)  # column index -> the header as written
    chosen_keys: frozenset = frozenset()  # header keys read as the officer chose

    def __post_init__(self):
        self.name_fields = {column.field for column in self.columns.values() if column.required}
        joined = {}
        for position, column in sorted(self.columns.items()):
            if column.part:
                joined.setdefault(column.field, []).append(position)
        self.joined = {name: positions for name, positions in joined.items() if len(positions) > 1}
        self.skipped_rows = []  # (row number, TITLE | TOTAL | SIGNATURE | NO_DATA)
        if self.first_header_index is None:
            self.first_header_index = self.header_index

    @property
    def skipped(self):
        return len(self.skipped_rows)

    def column_name(self, field_name):
        return self.written_headers.get(field_name, "")

    def error(self, record, field_name, message):
        return RowError(self.sheet.name, record.row, self.column_name(field_name), message)

    def records(self):
        """The member rows as `Record`s; every other non-empty row goes to `skipped_rows`."""
        self.skipped_rows = []
        columns = [
            (position, column) for position, column in self.columns.items() if column.field not in self.joined
        ]
        rows = self.sheet.rows
        for index in range(self.header_index + 1, len(rows)):
            row = rows[index]
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
            for name, positions in self.joined.items():
                parts = [cell_text(row[position]) for position in positions if position < width]
                if any(parts):
                    values[name] = " ".join(part for part in parts if part)
            # Only the first filled cell and the name cells are read on a member's row: a total or
            # a signature sits there, and reading every cell of 50,000 rows would cost more than
            # the rest of the row. A row without a name is looked at whole (`_not_a_member`).
            names = [value for key, value in values.items() if key in self.name_fields]
            looked_at = [text for text in (first, *names) if isinstance(text, str)]
            if not names or any(map(is_total, looked_at)) or any(map(_is_footer, looked_at)):
                reason = self._not_a_member(row, values, names)
                if reason == SIGNATURE:
                    self._skip_rest(index)
                    return
                if reason:
                    self.skipped_rows.append((index + 1, reason))
                    continue
            yield Record(index + 1, values)

    def _not_a_member(self, row, values, names):
        """Why a row is no member's (TOTAL, SIGNATURE, TITLE, NO_DATA), or None when it is one
        (a member's row missing its name is an error, not something to skip)."""
        texts = [value for value in row if isinstance(value, str) and value.strip()]
        if any(map(is_total, texts)):
            return TOTAL
        if any(map(_is_footer, texts)):
            return SIGNATURE
        if not values:
            return NO_DATA  # only an STT number, or text outside the columns read
        if not names and len({cell_text(value) for value in row if cell_text(value)}) == 1:
            return TITLE  # "I. Xã Tân Lập", "Khu phố 3" above its rows: one text, no name
        return None

    def _skip_rest(self, index):
        """A signature block ends the table: it and every non-empty row after it are skipped."""
        rows = self.sheet.rows
        self.skipped_rows.extend(
            (later + 1, SIGNATURE)
            for later in range(index, len(rows))
            if any(cell_text(value) for value in rows[later])
        )


def missing_header_message(sheet, schema):
    required = ", ".join(column.label for column in schema if column.required and not column.part)
    return _(
        "Sheet %(sheet)s has no header row with the columns %(columns)s: add the header row and upload again."
    ) % {
        "sheet": sheet.name,
        "columns": required,
    }
