"""One cell's value as text, and the formula guard every spreadsheet we write goes through.

Text typed by people may start like a formula (=, +, -, @, tab, CR): written as is, Excel or
LibreOffice would run it (spreadsheet injection). `safe_cell` puts an apostrophe before such text,
so it shows as typed; the reader (reading.py) strips that apostrophe again with `unquoted`, so a
file exported and imported again changes nothing. Exports, error workbooks, monthly reports and
personal-data downloads all use this one guard.
"""

from datetime import date, datetime

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A value a spreadsheet shows as typed: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unquoted(value):
    """`value` without the apostrophe `safe_cell` put before a formula-like text."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in FORMULA_START:
        return value[1:]
    return value


def cell_text(value):
    """A cell as text for messages and matching: dates as dd/mm/yyyy, 912345678.0 as 912345678."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
