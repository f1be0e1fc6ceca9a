"""Reading spreadsheets as they arrive: CSV encodings, legacy fonts, headers, totals, merges."""

import unicodedata

import pytest

from rosters.headers import find_table
from rosters.reading import SpreadsheetError, read_spreadsheet
from teams.roster_kinds import columns
from tests.factories_rosters import roster_xlsx
from vietnamese import legacy_encodings
from vietnamese.legacy_encodings import decode, detect, encode_tcvn3, encode_vni

NAMES = ["Nguyễn Văn Đức", "Trần Thị Hoà", "Phạm Ngọc Ánh", "Lê Thị Thuỷ", "Đặng Văn Ưởng", "Bùi Quốc Việt"]


@pytest.mark.parametrize(
    ("typed", "encoding"),
    [("NguyÔn V¨n §øc", legacy_encodings.TCVN3), ("Nguyeãn Vaên Ñöùc", legacy_encodings.VNI)],
)
def test_legacy_text_is_recognised_and_converted(typed, encoding):
    assert decode(typed, encoding) == "Nguyễn Văn Đức"


def test_a_sheet_is_read_as_the_encoding_that_makes_sense():
    assert detect([encode_tcvn3(name) for name in NAMES]) == legacy_encodings.TCVN3
    assert detect([encode_vni(name) for name in NAMES]) == legacy_encodings.VNI
    assert detect(NAMES) == legacy_encodings.UNICODE
    assert detect(["Hoa Binh", "Ha Noi", "Nguyen Van An"]) == legacy_encodings.UNICODE


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text):
    """Bytes as Windows (cp1258) saves Vietnamese: letters precomposed, tone marks separate."""
    out = b""
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in decomposed if mark in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in TONE_MARKS))
        out += (base + tones).encode("cp1258")
    return out


def csv_rows(data, name="ds.csv"):
    [sheet] = read_spreadsheet(data, name)
    return sheet


@pytest.mark.parametrize(
    "data",
    [
        "Họ và tên,SĐT\nTrần Thị Hoà,0912345678\n".encode(),
        "\ufeffHọ và tên;SĐT\nTrần Thị Hoà;0912345678\n".encode(),
        windows_1258("Họ và tên,SĐT\nTrần Thị Hoà,0912345678\n"),
        encode_tcvn3("Họ và tên,SĐT\nTrần Thị Hoà,0912345678\n").encode("latin-1"),
    ],
    ids=["utf-8", "utf-8 with BOM and semicolons", "windows-1258", "tcvn3"],
)
def test_csv_in_every_encoding_officers_save(data):
    from vietnamese.text import normalize

    sheet = csv_rows(data)
    assert [normalize(value) for value in sheet.rows[1]] == ["Trần Thị Hoà", "0912345678"]
    assert normalize(sheet.rows[0][1]) == "SĐT"


def test_a_csv_in_an_unknown_encoding_is_refused():
    with pytest.raises(SpreadsheetError, match="bảng mã"):
        read_spreadsheet("氏名,電話\n山田太郎,0912345678\n".encode("shift_jis"), "ds.csv")


def test_header_found_below_title_lines_with_merged_cells_and_total_row_skipped():
    rows = [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
        ["Lê Văn Bình", "0912 345 680", "Thành viên", "Công an", None, None],
    ]
    [sheet] = read_spreadsheet(roster_xlsx(rows, merge=(6, 2)), "ds.xlsx")
    table = find_table(sheet, columns.ROSTER_COLUMNS)

    records = list(table.records())

    assert table.header_index == 4
    assert [record.row for record in records] == [6, 7]
    assert records[1].values["village"] == "Thôn Đông"  # filled down from the merged cell
    assert "number" not in records[0].values
    assert table.skipped == 2  # the total row and the signature line


def test_xlsx_with_no_recognisable_header():
    from openpyxl import Workbook

    from tests.factories_rosters import workbook_bytes

    workbook = Workbook()
    workbook.active.append(["Ghi chú", "Nội dung"])
    [sheet] = read_spreadsheet(workbook_bytes(workbook), "x.xlsx")
    assert find_table(sheet, columns.ROSTER_COLUMNS) is None


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("NguyÔn V¨n §øc", ("tcvn3",)),
        ("Nguyeãn Vaên Ñöùc", ("vni",)),
        ("Nguyễn Văn Hòa", ("unicode",)),
        ("Hòa", ("unicode", "tcvn3", "vni")),  # valid Unicode, and TCVN3 "Hũa", VNI "Hịa"
        ("SÑT", ("tcvn3", "vni")),  # an abbreviation: neither reading is odd
    ],
)
def test_each_cell_is_judged_by_itself_and_says_when_it_cannot_tell(typed, readings):
    assert legacy_encodings.cell_readings(typed) == readings


def test_a_row_holding_a_phone_number_is_never_taken_for_the_header():
    """A header nobody foresaw ("Họ tên đầy đủ") used to make the first data row whose role cell
    says "Thành viên" (a spelling of the name column) the header: every row above it vanished."""
    from rosters.reading import Sheet

    rows = [
        ["DANH SÁCH TỔ CÔNG NGHỆ SỐ"],
        ["STT", "Họ tên đầy đủ", "Chức vụ trong tổ", "Số điện thoại"],
        [1, "Nguyễn Văn An", "Tổ trưởng", "0912 345 678"],
        [2, "Lê Thị Bích", "Thành viên", "0912 345 679"],
        [3, "Trần Văn Công", "Thành viên", "0912 345 680"],
    ]
    assert find_table(Sheet("Sheet", rows), columns.ROSTER_COLUMNS) is None


def test_evidence_under_the_header_settles_between_rows_naming_as_many_columns():
    from rosters.reading import Sheet

    rows = [
        ["Họ và tên", "Chức vụ", "Ngày sinh"],  # the header of a block pasted from another file
        ["Họ và tên", "Chức vụ", "Năm sinh"],  # the header right above the members
        ["Nguyễn Văn An", "Tổ trưởng", 1980],
        ["Lê Thị Bích", "Thành viên", 1992],
    ]
    table = find_table(Sheet("Sheet", rows), columns.ROSTER_COLUMNS)
    assert table.header_index == 1
