"""Blank templates officers download: Vietnamese headers, an example row, a note on each column.

Each kind gives its own (`Kind.template`); a kind without one has no template to download.
"""

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font

from rosters import kinds


def template_workbook(kind):
    """XLSX bytes of the template of a registered kind that has one (`Kind.template`)."""
    template = kinds.get(kind).template
    title, template_columns, example = template.title, template.columns, template.example
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
