"""The officer's own spreadsheet back, with a column saying what to fix on each row in error.

An XLSX comes back as it was (formatting, merges, other sheets), plus the column; an XLS, XLSB,
ODS or CSV comes back as an XLSX of the sheets as read. Any list read through tables.py can use this with
its own `RowError`s (the attendance list too).

Built once, by a worker (rosters/jobs.py), from the job's bounded summary. Copying a
workbook with openpyxl costs some fifty times its unpacked size in memory, and a small zip can
unpack to many megabytes: a file whose sheets unpack to more than ROSTER_ERRORS_COPY_MAX_BYTES
gets instead a plain list of the kept errors, written row by row (bounded whatever the file).
"""

import io
import zipfile
from collections import defaultdict

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from rosters.cells import safe_cell
from rosters.reading import is_xlsx, read_spreadsheet
from vietnamese.formats import number

_ERROR_FILL = PatternFill("solid", fgColor="FFF2CC")


def errors_workbook(data, filename, summary):
    """XLSX bytes: the uploaded file with an error column filled on the rows in `summary["errors"]`,
    or, for a file too large to copy, the list of those errors."""
    if _unpacked_size(data) > settings.ROSTER_ERRORS_COPY_MAX_BYTES:
        workbook = _error_list(summary)
    else:
        workbook = _marked_copy(data, filename, summary)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _unpacked_size(data):
    if not data.startswith(b"PK"):
        return len(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(member.file_size for member in archive.infolist())


def _left_off(summary):
    return sum(summary.get("errors_left_off", {}).values())


def _title(summary):
    left_off = _left_off(summary)
    if not left_off:
        return _("Errors to fix")
    return _("Errors to fix (%(more)s more not shown: fix these, upload again to see them)") % {
        "more": number(left_off)
    }


def _marked_copy(data, filename, summary):
    by_sheet = defaultdict(lambda: defaultdict(list))
    for error in summary.get("errors", []):
        column = f"{error['column']}: " if error["column"] else ""
        by_sheet[error["sheet"]][error["row"]].append(column + error["message"])
    positions = {
        sheet["name"]: (sheet["position"], sheet["header_row"]) for sheet in summary.get("sheets", [])
    }
    if is_xlsx(data):
        workbook = load_workbook(io.BytesIO(data))
        worksheets = workbook.worksheets
    else:
        workbook = Workbook()
        workbook.remove(workbook.active)
        worksheets = []
        for sheet in read_spreadsheet(data, filename):
            worksheet = workbook.create_sheet(sheet.name[:31])
            for row in sheet.rows:
                worksheet.append([safe_cell(value) for value in row])
            worksheets.append(worksheet)
    for name, rows in by_sheet.items():
        position, header_row = positions.get(name, (0, 1))
        worksheet = worksheets[position]
        column = worksheet.max_column + 1
        title = worksheet.cell(row=header_row, column=column, value=_title(summary))
        title.font = Font(bold=True, color="9C0006")
        for row, messages in rows.items():
            cell = worksheet.cell(row=row, column=column, value=safe_cell(" ; ".join(messages)))
            cell.fill = _ERROR_FILL
        worksheet.column_dimensions[title.column_letter].width = 60
    return workbook


def _error_list(summary):
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(_("Errors to fix")[:31])
    worksheet.append([_("Sheet"), _("Row"), _("Column"), _title(summary)])
    for error in summary.get("errors", []):
        worksheet.append(
            [safe_cell(error["sheet"]), error["row"], safe_cell(error["column"]), safe_cell(error["message"])]
        )
    return workbook
