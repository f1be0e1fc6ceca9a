"""Messy roster spreadsheets as officers keep them, built with openpyxl, and the map they name.

`roster_xlsx(...)` writes title lines, an STT column, merged village cells, blank rows and a total
row around the given member rows; `with_cached_formula_values` makes formulas look as Excel saves
them (formula plus its last value), which openpyxl cannot write by itself.
"""

import datetime
import io
import re
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

from accounts.models import Role
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.world import build_map

HEADER = ["STT", "Họ và tên", "SĐT", "Chức vụ trong tổ", "Đơn vị công tác", "Thôn/Tổ dân phố", "Xã/Phường"]


def roster_map():
    """Phú Thọ with Xã Tân Lập and Phường Hùng Vương, and Lào Cai's Xã Yên Lạc (outside a Phú Thọ
    officer's scope), from the one test map (tests/world/), without villages: rosters name them."""
    world = build_map("tan lap", "hung vuong", "yen lac", villages=False)
    return world["phu tho"], world["tan lap"], world["hung vuong"], world["yen lac"]


def commune_officer(commune):
    user = UserFactory(is_staff=True)
    RoleAssignmentFactory(user=user, role=Role.COMMUNE_OFFICER, commune=commune)
    return user


def province_officer(province):
    user = UserFactory(is_staff=True)
    RoleAssignmentFactory(user=user, role=Role.PROVINCE_OFFICER, province=province)
    return user


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def roster_sheet(sheet, rows, header=HEADER, merge=None, total=True, encode=str):
    """Title lines, the header on row 5, `rows` numbered in STT, a blank row and a total row.

    `merge=(column, count)` merges that column's cell over the first `count` data rows; `encode`
    writes the title lines in a legacy encoding (vietnamese.legacy_encodings.encode_tcvn3).
    """
    sheet.append([encode("ỦY BAN NHÂN DÂN XÃ TÂN LẬP")])
    sheet.append([encode("DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG")])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    sheet.append([encode("(Kèm theo Quyết định số 12/QĐ-UBND ngày 10/03/2023)")])
    sheet.append([])
    sheet.append(header)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    if merge:
        column, count = merge
        sheet.merge_cells(start_row=6, start_column=column, end_row=5 + count, end_column=column)
    sheet.append([])
    if total:
        sheet.append([encode("Tổng cộng"), encode(f"{len(rows)} thành viên")])
        sheet.append([])
        sheet.append(["", "", "", "", encode("Người lập biểu")])
    return sheet


def roster_xlsx(rows, **options):
    workbook = Workbook()
    roster_sheet(workbook.active, rows, **options)
    return workbook_bytes(workbook)


def with_cached_formula_values(data, values):
    """An XLSX whose formula cells also carry their saved values, as Excel writes them.

    `values` maps a cell reference ("C7") to the text Excel would have saved.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = content.decode()
                for ref, value in values.items():
                    text = re.sub(
                        rf'<c r="{ref}"><f>(.*?)</f><v ?/></c>',
                        lambda match, ref=ref, value=value: (
                            f'<c r="{ref}" t="str"><f>{match.group(1)}</f><v>{value}</v></c>'
                        ),
                        text,
                    )
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


def _ods_cell(value, rows_spanned=1):
    span = f' table:number-rows-spanned="{rows_spanned}"' if rows_spanned > 1 else ""
    if value is None:
        return "<table:table-cell/>"
    if value == "covered":
        return "<table:covered-table-cell/>"
    if isinstance(value, datetime.date):
        kind = f'office:value-type="date" office:date-value="{value.isoformat()}"'
        shown = value.strftime("%d/%m/%Y")
    elif isinstance(value, int | float):
        kind, shown = f'office:value-type="float" office:value="{value}"', str(value)
    else:
        kind, shown = 'office:value-type="string"', value
    return f"<table:table-cell {kind}{span}><text:p>{escape(shown)}</text:p></table:table-cell>"


def ods_bytes(sheets):
    """An ODS file as LibreOffice Calc saves it: `sheets` maps a name to rows of values (None for an
    empty cell, a (value, n) tuple for a cell merged over n rows, "covered" for the cells it hides)."""
    tables = []
    for name, rows in sheets.items():
        xml_rows = []
        for row in rows:
            cells = [_ods_cell(*value) if isinstance(value, tuple) else _ods_cell(value) for value in row]
            xml_rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(f'<table:table table:name="{name}">{"".join(xml_rows)}</table:table>')
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NAMESPACES}>'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return out.getvalue()
