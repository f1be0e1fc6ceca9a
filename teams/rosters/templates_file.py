"""Blank templates officers download: Vietnamese headers, an example row, a note on each column."""

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font

from teams.rosters import columns
from trainings import attendance_sheet

TEMPLATES = {
    "roster": (
        "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG",
        [column for column in columns.ROSTER_COLUMNS if column is not columns.DISTRICT],
        columns.ROSTER_EXAMPLE,
    ),
    "villages": (
        "DANH SÁCH THÔN, TỔ DÂN PHỐ",
        [column for column in columns.VILLAGE_COLUMNS if column is not columns.DISTRICT],
        columns.VILLAGE_EXAMPLE,
    ),
    "attendance": (
        "DANH SÁCH ĐIỂM DANH BUỔI TẬP HUẤN",
        attendance_sheet.ATTENDANCE_COLUMNS,
        attendance_sheet.ATTENDANCE_EXAMPLE,
    ),
}


def template_workbook(kind):
    """XLSX bytes of the template for `kind` ("roster", "villages" or "attendance")."""
    title, template_columns, example = TEMPLATES[kind]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append([title])
    sheet.append(
        ["Xóa dòng ví dụ trước khi nhập. Có thể thêm dòng tiêu đề phía trên, cột STT và nhiều trang tính."]
    )
    sheet.append([])
    sheet.append(["STT", *(column.label for column in template_columns)])
    sheet.append([1, *(example.get(column.field, "") for column in template_columns)])
    sheet["A1"].font = Font(bold=True, size=13)
    for index, column in enumerate(template_columns, start=2):
        cell = sheet.cell(row=4, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
        if column.note:
            cell.comment = Comment(column.note, "Tổ công nghệ số")
        sheet.column_dimensions[cell.column_letter].width = 22
    notes = workbook.create_sheet("Hướng dẫn")
    notes.append(["Cột", "Cách ghi", "Cách viết khác được chấp nhận"])
    for column in template_columns:
        notes.append([column.label, column.note, ", ".join(column.aliases)])
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["B"].width = 70
    notes.column_dimensions["C"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
