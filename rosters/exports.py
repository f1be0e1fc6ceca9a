"""Scoped exports in the columns the import reads, as XLSX or CSV; the apps register what they export.

An export is a django-import-export resource and the rows a user may see (`register_export`, from
an app's `AppConfig.ready`). django-import-export turns rows into a tablib Dataset; writing the
file is ours, because its formula escaping strips one leading "=" only: here every cell goes
through rosters.cells.safe_cell, and the import strips the apostrophe again. Every export is
recorded in the access log (the rows are personal data leaving the platform).
"""

import csv
import io
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from accounts.access_log import record_access
from rosters.cells import safe_cell


@dataclass(frozen=True)
class Export:
    resource: Any  # a django-import-export ModelResource class
    rows: Any  # rows(user) -> the queryset of what `user` may see
    title: str  # the sheet's name: Vietnamese, as the files are sent upward
    label: Any  # what the roster page calls it, in the reader's language (a lazy string)


EXPORTS = {}


def register_export(name, resource, rows, title, label):
    EXPORTS[name] = Export(resource, rows, title, label)


def export_dataset(what, user, narrower=None):
    export = EXPORTS[what]
    rows = export.rows(user)
    return export.resource().export(narrower(rows) if narrower else rows)


def export_file(what, user, file_format, narrower=None, detail=""):
    """(bytes, content type) of the `what` export of everything `user` may see, or of the part
    `narrower(queryset)` keeps (one session's attendance sheet, `detail` naming it in the access log)."""
    dataset = export_dataset(what, user, narrower)
    record_access(user, what, rows=len(dataset), detail=f"{file_format} {detail}".strip())
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(dataset.headers)
        writer.writerows([safe_cell(value) for value in row] for row in dataset)
        return buffer.getvalue().encode("utf-8-sig"), "text/csv; charset=utf-8"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(EXPORTS[what].title)
    bold = Font(bold=True)
    header = []
    for title in dataset.headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in dataset:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
