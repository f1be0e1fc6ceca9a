"""Turning an uploaded file into sheets of cell values, whatever the officer saved it as.

XLSX, XLS, XLSB and ODS are read by python-calamine (one Rust reader: values, formulas' saved
values, dates, merged ranges); CSV in UTF-8 with or without BOM or Windows-1258 by the csv module.
Merged cells are filled down from their top cell, since officers merge the village or commune cell
over all the rows of that village. Text typed in TCVN3 or VNI fonts is converted to Unicode cell by
cell (vietnamese/legacy_encodings), since one sheet often mixes rows copied from several files;
each sheet lists the cells it converted.

Nothing here knows about rosters: the attendance list reads through the same `read_spreadsheet`.
Every problem with the file as a whole raises `SpreadsheetError` with one message for the officer.
"""

import csv
import io
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import python_calamine
from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from rosters.cells import unquoted
from rosters.expansion import TooManyCells, check_cells
from rosters.ods import is_ods as _is_ods
from rosters.ods import ods_merged_ranges
from vietnamese import legacy_encodings
from vietnamese.formats import number

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An XLSX saved with a password is an OLE container holding this stream instead of a zip.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# The part that says which kind of zip a workbook is: Excel's (XLSX, XLSB) or OpenDocument's.
_ZIP_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "content.xml")
_SHOWN_CONVERTED_RANGES = 12


class SpreadsheetError(Exception):
    """The file cannot be read at all; str() is the one message the officer sees."""


@dataclass
class Sheet:
    name: str
    rows: list = field(default_factory=list)  # rows[i] is spreadsheet row i + 1, a list of values
    converted: dict = field(default_factory=dict)  # legacy encoding -> [(row index, column index)]

    @property
    def converted_from(self):
        """The display names of the legacy encodings some of the sheet's text was converted from."""
        return ", ".join(legacy_encodings.NAMES[name] for name in sorted(self.converted)) or None

    def conversion_notes(self):
        """What the preview says about converted text: the encoding, then which cells (as ranges
        per column, "B7:B56", so a sheet typed wholly in TCVN3 is a line, not a page)."""
        notes = []
        for encoding, cells in sorted(self.converted.items()):
            name = legacy_encodings.NAMES[encoding]
            notes.append(
                _("Text was typed in the %(encoding)s encoding and has been converted to Unicode.")
                % {"encoding": name}
            )
            ranges = _cell_ranges(cells)
            shown = ", ".join(ranges[:_SHOWN_CONVERTED_RANGES])
            if len(ranges) > _SHOWN_CONVERTED_RANGES:
                shown += " " + _("and %(count)s more") % {"count": len(ranges) - _SHOWN_CONVERTED_RANGES}
            notes.append(
                _("Cells converted from %(encoding)s: %(cells)s.") % {"encoding": name, "cells": shown}
            )
        return notes


def _cell_ranges(cells):
    """[(row index, column index)] as "A1", "B7:B56": runs of consecutive rows in one column."""
    ranges = []
    for column in sorted({column for _row, column in cells}):
        rows = sorted(row for row, col in cells if col == column)
        letter = get_column_letter(column + 1)
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            ranges.append(f"{letter}{start + 1}" + (f":{letter}{previous + 1}" if previous != start else ""))
            start = previous = row
    return ranges


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
        _check_zip(data)
        sheets = _read_workbook(
            data, _("The XLSX file is damaged: open it in Excel, save it again and upload.")
        )
    elif data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise SpreadsheetError(
                _(
                    "The file is protected by a password: open it in Excel, remove the password, save and upload again."
                )
            )
        sheets = _read_workbook(
            data, _("The XLS file is damaged: open it in Excel, save it again and upload.")
        )
    elif filename.lower().endswith((".csv", ".txt")):
        sheets = [_read_csv(data, filename)]
    else:
        raise SpreadsheetError(_not_a_spreadsheet())
    for sheet in sheets:
        _convert_legacy_text(sheet)
        _unquote_formulas(sheet)
    return sheets


def _not_a_spreadsheet():
    return _("This is not a spreadsheet: upload an XLSX, XLS, ODS or CSV file.")


def is_xlsx(data):
    """Whether `data` is an Excel zip workbook openpyxl can open (not ODS, XLSB or XLS)."""
    if not data.startswith(_ZIP_MAGIC):
        return False
    try:
        return "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


def _check_zip(data):
    """Refuse zip bombs before anything inflates them."""
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
    if not {member.filename for member in members} & set(_ZIP_WORKBOOK_PARTS):
        raise SpreadsheetError(_not_a_spreadsheet())
    try:
        check_cells(archive, settings.ROSTER_MAX_CELLS)
    except TooManyCells:
        raise SpreadsheetError(_too_many_cells()) from None
    except Exception as error:  # the XML parser raises several types for one cause: a damaged file
        raise SpreadsheetError(
            _("The XLSX file is damaged: open it in Excel, save it again and upload.")
        ) from error


def _too_many_cells():
    return _(
        "The file holds more than %(limit)s cells, far more than a roster: split it into several files."
    ) % {"limit": number(settings.ROSTER_MAX_CELLS)}


def _read_workbook(data, damaged):
    """Every worksheet of an XLSX, XLSB, XLS or ODS file, blanks as None, merged cells filled."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        ods_merges = ods_merged_ranges(data) if _is_ods(data) else {}
        sheets = []
        for metadata in workbook.sheets_metadata:
            if metadata.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # chart sheets hold no cells
            worksheet = workbook.get_sheet_by_name(metadata.name)
            # skip_empty_area=False: rows[i] stays spreadsheet row i + 1 whatever the first cell.
            rows = [
                [None if value == "" else value for value in row]
                for row in worksheet.to_python(skip_empty_area=False)
            ]
            _fill_merged(rows, worksheet.merged_cell_ranges or ods_merges.get(metadata.name, ()))
            sheets.append(Sheet(metadata.name, _trimmed(rows)))
        workbook.close()
    except python_calamine.PasswordError:
        raise SpreadsheetError(
            _(
                "The file is protected by a password: open it in Excel, remove the password, save and upload again."
            )
        ) from None
    except SpreadsheetError:
        raise
    except Exception as error:  # calamine raises several types for one cause: a damaged file
        raise SpreadsheetError(damaged) from error
    return sheets


def _fill_merged(rows, merges):
    """Copy each merged range's top value down its column (a village cell merged over its rows).

    `merges` are ((first row, first column), (last row, last column)), 0-based and inclusive. A
    range is cut to the cells the sheet has (a crafted ODS spans 1,500,000,000 columns), and the
    cells all ranges cover together are bounded like the file's own (ROSTER_MAX_CELLS)."""
    width, filled = max(map(len, rows), default=0), 0
    for (first_row, first_column), (last_row, last_column) in merges:
        last_row, last_column = min(last_row, len(rows) - 1), min(last_column, width - 1)
        filled += max(0, last_row - first_row + 1) * max(0, last_column - first_column + 1)
        if filled > settings.ROSTER_MAX_CELLS:
            raise SpreadsheetError(_too_many_cells())
        for column in range(first_column, last_column + 1):
            top = _cell(rows, first_row, column)
            for row in range(first_row + 1, min(last_row + 1, len(rows))):
                if column < len(rows[row]) and rows[row][column] is None:
                    rows[row][column] = top


def _cell(rows, row, column):
    if row < len(rows) and column < len(rows[row]):
        return rows[row][column]
    return None


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
    """Decode each cell in the legacy encoding it reads best in. A cell that reads as well in
    Unicode as in a legacy encoding ("Hòa") follows its row, then its column: decoded only when
    that run holds cells surely typed in that encoding. Without any such cell (most files), no
    cell is converted, and the counting is skipped."""
    if _has_legacy_cells(sheet):
        _convert_cells(sheet)
    sheet_name = legacy_encodings.cell_readings(sheet.name)
    if sheet_name[0] != legacy_encodings.UNICODE:
        sheet.name = legacy_encodings.decode(sheet.name, sheet_name[0])


def _has_legacy_cells(sheet):
    for row in sheet.rows:
        for value in row:
            if isinstance(value, str) and not value.isascii():
                readings = legacy_encodings.cell_readings(value)
                if len(readings) == 1 and readings[0] != legacy_encodings.UNICODE:
                    return True
    return False


def _convert_cells(sheet):
    doubtful, by_row, by_column = [], defaultdict(Counter), defaultdict(Counter)
    for row_index, row in enumerate(sheet.rows):
        for column, value in enumerate(row):
            if not isinstance(value, str) or value.isascii():
                continue  # plain ASCII reads the same in every encoding: it says nothing
            readings = legacy_encodings.cell_readings(value)
            if len(readings) > 1:
                doubtful.append((row_index, column, readings))
                continue
            by_row[row_index][readings[0]] += 1
            by_column[column][readings[0]] += 1
            if readings[0] != legacy_encodings.UNICODE:
                _convert(sheet, row_index, column, readings[0])
    for row_index, column, readings in doubtful:
        encoding = _neighbours_encoding(by_row.get(row_index), readings) or _neighbours_encoding(
            by_column.get(column), readings
        )
        if encoding:
            _convert(sheet, row_index, column, encoding)


def _neighbours_encoding(counts, readings):
    """The legacy encoding a row's (or column's) sure cells were mostly typed in, when the doubtful
    cell can be read in it; None when the run holds more sure Unicode cells, or says nothing."""
    legacy = [name for name in readings if name != legacy_encodings.UNICODE and counts and counts[name]]
    if not legacy:
        return None
    encoding = max(legacy, key=counts.get)
    return encoding if counts[encoding] > counts[legacy_encodings.UNICODE] else None


def _convert(sheet, row_index, column, encoding):
    row = sheet.rows[row_index]
    row[column] = legacy_encodings.decode(row[column], encoding)
    sheet.converted.setdefault(encoding, []).append((row_index, column))


def _unquote_formulas(sheet):
    """Undo the apostrophe our exports put before text Excel would run as a formula ('=…, '+84…)."""
    for row in sheet.rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and value[:1] == "'":
                row[index] = unquoted(value)
