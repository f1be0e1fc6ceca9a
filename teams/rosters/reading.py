"""Turning an uploaded file into sheets of cell values, whatever the officer saved it as.

XLSX (values streamed by teams/rosters/xlsx.py, formulas read as their saved values), XLS
(xlrd), CSV in UTF-8 with or without BOM or Windows-1258. Merged cells are filled down from their
top cell, since officers merge the village or commune cell over all the rows of that village.
Text in TCVN3 or VNI fonts is converted to Unicode per sheet (vietnamese/legacy_encodings) and the
sheet says so.

Nothing here knows about rosters: the attendance list reads through the same `read_spreadsheet`.
Every problem with the file as a whole raises `SpreadsheetError` with one message for the officer.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.utils.translation import gettext as _

from teams.rosters.xlsx import worksheet_values
from vietnamese import legacy_encodings

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An XLSX saved with a password is an OLE container holding this stream instead of a zip.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(Exception):
    """The file cannot be read at all; str() is the one message the officer sees."""


@dataclass
class Sheet:
    name: str
    rows: list = field(default_factory=list)  # rows[i] is spreadsheet row i + 1, a list of values
    encoding: str = legacy_encodings.UNICODE

    @property
    def converted_from(self):
        """The legacy encoding's display name when the sheet's text was converted, else None."""
        return legacy_encodings.NAMES.get(self.encoding)


def read_spreadsheet(data, filename):
    """The sheets of an uploaded file (bytes), or `SpreadsheetError`."""
    if len(data) > settings.ROSTER_MAX_UPLOAD_BYTES:
        raise SpreadsheetError(
            _("The file is larger than %(limit)s MB: split it into several files.")
            % {"limit": settings.ROSTER_MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    if data.startswith(_ZIP_MAGIC):
        sheets = _read_xlsx(data)
    elif data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise SpreadsheetError(
                _(
                    "The file is protected by a password: open it in Excel, remove the password, save and upload again."
                )
            )
        sheets = _read_xls(data)
    elif filename.lower().endswith((".csv", ".txt")):
        sheets = [_read_csv(data, filename)]
    else:
        raise SpreadsheetError(_("This is not a spreadsheet: upload an XLSX, XLS or CSV file."))
    for sheet in sheets:
        _convert_legacy_text(sheet)
        _unquote_formulas(sheet)
    return sheets


def _check_zip(data):
    """Refuse zip bombs before openpyxl inflates anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except zipfile.BadZipFile:
        raise SpreadsheetError(
            _("The XLSX file is damaged: open it in Excel, save it again and upload.")
        ) from None
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unpacked > settings.ROSTER_MAX_UNPACKED_BYTES or unpacked / packed > 200:
        raise SpreadsheetError(
            _("The XLSX file unpacks to far more data than a roster holds: it was refused.")
        )
    if "xl/workbook.xml" not in {member.filename for member in members}:
        raise SpreadsheetError(_("This is not a spreadsheet: upload an XLSX, XLS or CSV file."))


def _read_xlsx(data):
    from openpyxl import load_workbook

    _check_zip(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for one cause: a damaged file
        raise SpreadsheetError(
            _("The XLSX file is damaged: open it in Excel, save it again and upload.")
        ) from error
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            rows, merges = worksheet_values(worksheet)
            _fill_merged(rows, merges)
            sheets.append(Sheet(worksheet.title, _trimmed(rows)))
        return sheets
    finally:
        workbook.close()


def _fill_merged(rows, merges):
    """Copy each merged range's top value down its column (a village cell merged over its rows)."""
    for min_col, min_row, max_col, max_row in merges:
        for column in range(min_col - 1, max_col):
            top = _cell(rows, min_row - 1, column)
            for row in range(min_row, min(max_row, len(rows))):
                if column < len(rows[row]) and rows[row][column] in (None, ""):
                    rows[row][column] = top


def _cell(rows, row, column):
    if row < len(rows) and column < len(rows[row]):
        return rows[row][column]
    return None


def _read_xls(data):
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as error:  # xlrd.XLRDError and struct errors alike mean a damaged file
        raise SpreadsheetError(
            _("The XLS file is damaged: open it in Excel, save it again and upload.")
        ) from error
    sheets = []
    for index in range(book.nsheets):
        xls_sheet = book.sheet_by_index(index)
        rows = []
        for row in range(xls_sheet.nrows):
            values = []
            for column in range(xls_sheet.ncols):
                cell = xls_sheet.cell(row, column)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    values.append(None)
                else:
                    values.append(cell.value)
            rows.append(values)
        merges = [(c0 + 1, r0 + 1, c1, r1) for r0, r1, c0, c1 in xls_sheet.merged_cells]
        _fill_merged(rows, merges)
        sheets.append(Sheet(xls_sheet.name, _trimmed(rows)))
    return sheets


def _read_csv(data, filename):
    text = _decode_csv(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    name = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Sheet(name, _trimmed([[value if value != "" else None for value in row] for row in rows]))


def _decode_csv(data):
    """UTF-8 (with or without BOM), else Windows-1258 if it reads as Vietnamese, else the Latin-1
    view TCVN3 and VNI are read from; anything else is refused rather than imported as gibberish."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    unknown = SpreadsheetError(
        _(
            'The CSV file\'s text encoding is not recognised: save it from Excel as "CSV UTF-8" and upload again.'
        )
    )
    if b"\x00" in data:
        raise unknown
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    latin = data.decode("latin-1")
    legacy = legacy_encodings.detect(latin.splitlines())
    # Both readings accept almost any bytes: one is believed only when the result reads as Vietnamese.
    for candidate in (
        text,
        legacy_encodings.decode(latin, legacy) if legacy != legacy_encodings.UNICODE else None,
    ):
        if candidate is not None and _reads_as_vietnamese(candidate):
            return text if candidate is text else latin  # legacy text is converted with the sheet
    raise unknown


def _reads_as_vietnamese(text):
    return legacy_encodings.foreign_characters(text) <= len(text) * 0.01 and (
        legacy_encodings.odd_words(text) <= len(text.split()) * 0.3
    )


def _trimmed(rows):
    """Rows without trailing blank rows (Excel often keeps thousands of formatted empty rows)."""
    while rows and all(value in (None, "") for value in rows[-1]):
        rows.pop()
    return rows


def _convert_legacy_text(sheet):
    texts = [value for row in sheet.rows for value in row if isinstance(value, str)]
    sheet.encoding = legacy_encodings.detect(texts)
    if sheet.encoding == legacy_encodings.UNICODE:
        return
    sheet.name = legacy_encodings.decode(sheet.name, sheet.encoding)
    for row in sheet.rows:
        for index, value in enumerate(row):
            if isinstance(value, str):
                row[index] = legacy_encodings.decode(value, sheet.encoding)


def _unquote_formulas(sheet):
    """Undo the apostrophe our exports put before text Excel would run as a formula ('=…, '+84…)."""
    for row in sheet.rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and value[:1] == "'" and value[1:2] in _FORMULA_START:
                row[index] = value[1:]


def cell_text(value):
    """A cell as text for messages and matching: dates as dd/mm/yyyy, 912345678.0 as 912345678."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
