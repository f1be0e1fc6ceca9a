"""Files crafted to expand: refused in a moment with one message, never read for minutes.

An 895-byte ODS spanning one cell over 1,500,000,000 columns held a worker for twenty minutes; a
few hundred bytes repeating a row a million times, or an XLSX of a few MB unpacking to hundreds of
MB of cells, cost gigabytes. What a file may expand to is counted before it is read
(rosters/expansion.py), and merged ranges are cut to the sheet.
"""

import io
import time
import zipfile

import pytest
from django.utils import translation
from openpyxl import Workbook

from rosters.reading import SpreadsheetError, read_spreadsheet

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods(rows_xml):
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}><office:body>'
        f'<office:spreadsheet><table:table table:name="Tổ">{rows_xml}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        archive.writestr("content.xml", content)
    return out.getvalue()


def _cell(text, attributes=""):
    return f'<table:table-cell office:value-type="string" {attributes}><text:p>{text}</text:p></table:table-cell>'


def _row(*cells, attributes=""):
    return f"<table:table-row {attributes}>{''.join(cells)}</table:table-row>"


def test_a_span_over_a_billion_columns_reads_in_a_moment_as_the_cells_it_has(settings):
    settings.ROSTER_MAX_CELLS = 1000  # the span is cut to the sheet's cells, well under this
    data = _ods(
        _row(_cell("Họ và tên"), _cell("Thôn"))
        + _row(_cell("Thôn Đông", 'table:number-columns-spanned="1500000000" table:number-rows-spanned="3"'))
        + _row(_cell("Lê Văn Tâm"))
        + _row(_cell("Trần Thị Mai"))
    )
    assert len(data) < 1200
    started = time.monotonic()
    sheet = read_spreadsheet(data, "to.ods")[0]
    assert time.monotonic() - started < 2
    assert max(len(row) for row in sheet.rows) < 1000
    assert sheet.rows[0][:2] == ["Họ và tên", "Thôn"]


def test_a_row_repeated_a_million_times_is_refused_before_it_is_read(settings):
    data = _ods(_row(*[_cell("Nguyễn Văn An")] * 30, attributes='table:number-rows-repeated="1000000"'))
    started = time.monotonic()
    with translation.override("vi"), pytest.raises(SpreadsheetError) as refused:
        read_spreadsheet(data, "bom.ods")
    assert time.monotonic() - started < 2
    assert str(refused.value) == (
        "Tệp có hơn 2.000.000 ô, nhiều hơn hẳn một danh sách: hãy chia thành nhiều tệp nhỏ hơn."
    )


def test_empty_cells_repeated_to_the_edge_of_the_sheet_as_libreoffice_writes_them_are_not_counted(settings):
    settings.ROSTER_MAX_CELLS = 100
    edge = _row(
        '<table:table-cell table:number-columns-repeated="1024"/>',
        attributes='table:number-rows-repeated="1048570"',
    )
    data = _ods(
        _row(_cell("Họ và tên"), _cell("Số điện thoại"))
        + _row(_cell("Lê Văn Tâm"), _cell("0912345678"))
        + edge
    )
    assert read_spreadsheet(data, "to.ods")[0].rows == [
        ["Họ và tên", "Số điện thoại"],
        ["Lê Văn Tâm", "0912345678"],
    ]


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    saved = io.BytesIO()
    workbook.save(saved)
    return saved.getvalue()


def test_an_xlsx_with_more_cells_than_a_roster_holds_is_refused_by_cells_not_bytes(settings):
    settings.ROSTER_MAX_CELLS = 1000
    data = _xlsx(
        [["Họ và tên", "Số điện thoại", "Thôn"]]
        + [[f"Người {n}", "0912345678", "Thôn Đông"] for n in range(400)]
    )
    assert len(data) < settings.ROSTER_MAX_UNPACKED_BYTES  # bytes alone would let it through
    with translation.override("en"), pytest.raises(SpreadsheetError) as refused:
        read_spreadsheet(data, "to.xlsx")
    assert str(refused.value) == (
        "The file holds more than 1,000 cells, far more than a roster: split it into several files."
    )
    settings.ROSTER_MAX_CELLS = 1300
    assert len(read_spreadsheet(data, "to.xlsx")[0].rows) == 401


def test_merged_ranges_covering_more_cells_than_allowed_are_refused(settings):
    settings.ROSTER_MAX_CELLS = 50
    header = _row(*[_cell(f"Cột {n}") for n in range(10)])
    merged = _row(_cell("Thôn Đông", 'table:number-columns-spanned="10" table:number-rows-spanned="6"'))
    data = _ods(header + merged + _row(_cell("x")) * 5)
    with translation.override("en"), pytest.raises(SpreadsheetError) as refused:
        read_spreadsheet(data, "to.ods")
    assert "more than 50 cells" in str(refused.value)
