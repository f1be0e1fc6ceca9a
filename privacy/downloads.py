"""The "my data" downloads: the same sections as the page, as XLSX (one sheet each) and JSON."""

import io
import json

from openpyxl import Workbook
from openpyxl.styles import Font

from rosters.cells import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def row_count(sections):
    return sum(len(section.rows) for section in sections)


def as_json(phone, sections):
    data = {"phone": phone, **{section.key: section.rows for section in sections}}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def as_xlsx(sections):
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for section in sections:
        sheet = workbook.create_sheet(str(section.title)[:31])
        sheet.append([str(label) for _key, label in section.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in section.table:
            sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
