"""Workbooks built the way officers build them (issue 13): sheets copied between files so that one
sheet mixes Unicode with TCVN3 or VNI, ODS from LibreOffice, Excel 2003 files, rows pasted twice,
landlines, the founding decision in the title lines. Each test checks the members stored."""

import datetime
import io

import pytest
import xlwt
from openpyxl import Workbook

from accounts.scopes import scope_for
from rosters.importing import import_file, plan_file
from teams.models import Member, Team
from tests.factories import VillageFactory
from tests.factories_rosters import ods_bytes, roster_sheet, workbook_bytes
from tests.factories_teams import TeamFactory
from vietnamese.legacy_encodings import encode_tcvn3, encode_vni

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Họ và tên", "Số điện thoại", "Chức vụ trong tổ", "Đơn vị công tác"]


def members():
    return sorted(Member.objects.values_list("team__village__name", "full_name", "phone"))


def village_sheets(workbook, sheets):
    """One sheet per village (the sheet's name is the village), each a roster with title lines."""
    workbook.remove(workbook.active)
    for name, rows, options in sheets:
        roster_sheet(workbook.create_sheet(name), rows, header=options.pop("header", HEADER), **options)
    return workbook_bytes(workbook)


def test_a_tcvn3_sheet_with_unicode_title_lines_is_imported_with_its_neighbours(officer):
    """The case of issue 13: three village sheets, one typed in .VnTime whose national motto and
    decision line were retyped in Unicode. Its three members used to vanish without a word."""
    tcvn3 = encode_tcvn3
    data = village_sheets(
        Workbook(),
        [
            ("Thôn Đông", [["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn"]], {}),
            ("Thôn Tây", [["Lê Văn Bình", "0912 345 680", "Tổ trưởng", "Công an xã"]], {}),
            (
                "Thôn Đồng Tâm",
                [
                    [tcvn3("Phạm Ngọc Lan"), "0912 345 681", tcvn3("Tổ trưởng"), tcvn3("Trưởng thôn")],
                    [tcvn3("Đặng Văn Ưởng"), "0912 345 682", tcvn3("Tổ phó"), tcvn3("Bí thư Đoàn")],
                    [tcvn3("Bùi Thị Thuỷ"), "0912 345 683", tcvn3("Thành viên"), tcvn3("Hội Phụ nữ")],
                ],
                # Title lines in Unicode, header and rows in TCVN3.
                {"header": [tcvn3(text) for text in HEADER], "total": False},
            ),
        ],
    )

    plan = import_file(data, "ba thon.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    sheets = plan.summary()["sheets"]
    assert [(sheet["name"], sheet["status"], sheet["new"]) for sheet in sheets] == [
        ("Thôn Đông", "read", 1),
        ("Thôn Tây", "read", 1),
        ("Thôn Đồng Tâm", "read", 3),
    ]
    # The header's text cells (row 5) and the rows' (6 to 8) were converted; the title lines above
    # stayed as typed, and so did STT (ASCII reads alike in every encoding).
    assert sheets[2]["notes"][1] == ("Các ô được chuyển từ TCVN3 (ABC, .VnTime): B5:B8, C5, D5:D8, E5:E8.")
    assert not sheets[0]["converted_from"]
    assert members() == [
        ("Thôn Tây", "Lê Văn Bình", "+84912345680"),
        ("Thôn Đông", "Nguyễn Văn An", "+84912345678"),
        ("Thôn Đồng Tâm", "Bùi Thị Thuỷ", "+84912345683"),
        ("Thôn Đồng Tâm", "Phạm Ngọc Lan", "+84912345681"),
        ("Thôn Đồng Tâm", "Đặng Văn Ưởng", "+84912345682"),
    ]


@pytest.mark.parametrize(("encode", "name"), [(encode_tcvn3, "TCVN3"), (encode_vni, "VNI")])
def test_rows_pasted_in_a_legacy_encoding_below_unicode_rows_are_converted_cell_by_cell(
    officer, encode, name
):
    rows = [
        ["Nguyễn Văn Hòa", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
        ["Trần Thị Bình", "0912 345 679", "Thành viên", "Hội Phụ nữ", "Thôn Đông", "Xã Tân Lập"],
        # Pasted from an old file: the whole row in the legacy encoding, "Hòa"-like cells included.
        [
            encode(text)
            for text in ("Lê Văn Hòa", "0912 345 680", "Tổ phó", "Công an xã", "Thôn Đông", "Xã Tân Lập")
        ],
        [
            encode(text)
            for text in ("Võ Thị Lý", "0912 345 681", "Thành viên", "Viettel", "Thôn Đông", "Xã Tân Lập")
        ],
    ]
    header = [*HEADER, "Thôn/Tổ dân phố", "Xã/Phường"]
    workbook = Workbook()
    roster_sheet(workbook.active, rows, header=header)

    plan = import_file(workbook_bytes(workbook), "gop.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    [sheet] = plan.summary()["sheets"]
    assert name in sheet["converted_from"]
    assert sorted(Member.objects.values_list("full_name", "role", "organisation")) == [
        ("Lê Văn Hòa", Member.TeamRole.DEPUTY, Member.Organisation.POLICE),
        ("Nguyễn Văn Hòa", Member.TeamRole.LEADER, Member.Organisation.VILLAGE_OFFICE),
        ("Trần Thị Bình", Member.TeamRole.MEMBER, Member.Organisation.WOMENS_UNION),
        ("Võ Thị Lý", Member.TeamRole.MEMBER, Member.Organisation.TELECOM_POST),
    ]
    # The Unicode "Hòa" above stayed "Hòa": a cell is decoded only where its row was typed so.
    assert Team.objects.get().village.name == "Thôn Đông"


@pytest.mark.parametrize("encode", [encode_tcvn3, encode_vni], ids=["tcvn3", "vni"])
def test_headers_typed_in_a_legacy_encoding_are_recognised(officer, encode):
    header = [encode(text) for text in ("STT", "Họ và tên", "SĐT", "Chức vụ trong tổ", "Thôn/Tổ dân phố")]
    workbook = Workbook()
    roster_sheet(
        workbook.active, [["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Thôn Đông"]], header=header
    )

    plan = import_file(workbook_bytes(workbook), "cu.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    assert plan.summary()["sheets"][0]["header_row"] == 5
    assert members() == [("Thôn Đông", "Nguyễn Văn An", "+84912345678")]


def test_an_ods_file_from_libreoffice_imports_with_its_merged_village_cell(officer):
    data = ods_bytes(
        {
            "Thôn Đông": [
                ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP"],
                ["DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"],
                [],
                ["STT", "Họ và tên", "Số điện thoại", "Chức vụ trong tổ", "Ngày tham gia", "Thôn"],
                [
                    1,
                    "Nguyễn Văn An",
                    "0912 345 678",
                    "Tổ trưởng",
                    datetime.date(2023, 3, 15),
                    ("Thôn Bắc", 2),
                ],
                [2, "Trần Thị Hoà", 912345679, "Thành viên", datetime.date(2023, 4, 1), "covered"],
                [3, "Lê Văn Bình", "0912 345 680", "Tổ trưởng", datetime.date(2023, 4, 1), "Thôn Nam"],
                [None, "Tổng cộng: 3"],
            ]
        }
    )

    plan = import_file(data, "danh sach.ods", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    assert sorted(Member.objects.values_list("full_name", "phone", "joined_on", "team__village__name")) == [
        ("Lê Văn Bình", "+84912345680", datetime.date(2023, 4, 1), "Thôn Nam"),
        ("Nguyễn Văn An", "+84912345678", datetime.date(2023, 3, 15), "Thôn Bắc"),
        ("Trần Thị Hoà", "+84912345679", datetime.date(2023, 4, 1), "Thôn Bắc"),
    ]


def test_an_excel_2003_file_keeps_its_merged_village_cells_and_dates(officer):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sách")
    sheet.write(0, 0, "DANH SÁCH THÀNH VIÊN")
    for column, text in enumerate(["STT", "Họ và tên", "SĐT", "Thôn/Tổ dân phố", "Ngày tham gia"]):
        sheet.write(2, column, text)
    dated = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for row, (name, phone) in enumerate(
        [("Nguyễn Văn An", "0912345678"), ("Lê Thị Hoa", "0912345679")], start=3
    ):
        sheet.write(row, 0, row - 2)
        sheet.write(row, 1, name)
        sheet.write(row, 2, phone)
        sheet.write(row, 4, datetime.date(2023, 3, 15), dated)
    sheet.write_merge(3, 4, 3, 3, "Thôn Đông")
    buffer = io.BytesIO()
    book.save(buffer)

    plan = import_file(buffer.getvalue(), "cu.xls", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    assert sorted(Member.objects.values_list("full_name", "team__village__name", "joined_on")) == [
        ("Lê Thị Hoa", "Thôn Đông", datetime.date(2023, 3, 15)),
        ("Nguyễn Văn An", "Thôn Đông", datetime.date(2023, 3, 15)),
    ]


def test_a_row_pasted_twice_is_one_member_with_a_warning_naming_both_rows(officer):
    rows = [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn"],
        ["Lê Văn Bình", "0912 345 680", "Thành viên", "Công an xã"],
        ["Nguyễn Văn An", "0912.345.678", "Tổ trưởng", "Trưởng thôn"],
    ]
    data = village_sheets(Workbook(), [("Thôn Đông", rows, {})])

    plan = import_file(data, "gop.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    assert [(warning.row, warning.message) for warning in plan.warnings] == [
        (
            8,
            "Trùng thành viên ở dòng 6 của trang tính Thôn Đông (cùng họ tên và số điện thoại): chỉ nhập một lần.",
        )
    ]
    assert members() == [
        ("Thôn Đông", "Lê Văn Bình", "+84912345680"),
        ("Thôn Đông", "Nguyễn Văn An", "+84912345678"),
    ]


def test_the_same_phone_under_another_name_still_blocks_the_file(officer):
    rows = [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn"],
        ["Nguyễn Văn Ân", "0912 345 678", "Thành viên", "Công an xã"],
    ]
    data = village_sheets(Workbook(), [("Thôn Đông", rows, {})])

    plan = import_file(data, "gop.xlsx", scope_for(officer), user=officer)

    assert not plan.ok
    assert [(error.row, error.message) for error in plan.errors] == [
        (7, "Số điện thoại 0912 345 678 trùng với dòng 6: mỗi thành viên có số riêng.")
    ]
    assert not Member.objects.exists()


def test_a_landline_is_named_as_such_and_nothing_is_written(officer):
    rows = [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn"],
        ["Lê Văn Bình", "024 3825 1234", "Thành viên", "Công an xã"],
    ]
    data = village_sheets(Workbook(), [("Thôn Đông", rows, {})])

    plan = import_file(data, "ds.xlsx", scope_for(officer), user=officer)

    assert [(error.row, error.column, error.message) for error in plan.errors] == [
        (
            7,
            "C (Số điện thoại)",
            "Số điện thoại 024 3825 1234 là số máy bàn: không nhận được tin nhắn. Hãy ghi số di động.",
        )
    ]
    assert not Member.objects.exists()


def test_the_founding_decision_in_the_title_lines_goes_to_teams_that_have_none(officer, places):
    _province, tan_lap, *_rest = places
    TeamFactory(
        commune=tan_lap,
        village=VillageFactory(commune=tan_lap, name="Thôn Tây"),
        decision_number="7/QĐ-UBND",
        decision_date=datetime.date(2021, 1, 4),
    )
    TeamFactory(commune=tan_lap, village=VillageFactory(commune=tan_lap, name="Thôn Nam"), decision_number="")
    workbook = Workbook()
    workbook.remove(workbook.active)
    for village, name, phone in (
        ("Thôn Đông", "Nguyễn Văn An", "0912 345 678"),
        ("Thôn Tây", "Lê Văn Bình", "0912 345 680"),
        ("Thôn Nam", "Trần Văn Cường", "0912 345 681"),
    ):
        sheet = workbook.create_sheet(village)
        sheet.append(["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        sheet.append(["(Kèm theo Quyết định số 45/QĐ-UBND ngày 15/03/2022 của UBND xã Tân Lập)"])
        sheet.append(HEADER[:3])
        sheet.append([1, name, phone])

    plan = import_file(workbook_bytes(workbook), "ds.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    assert plan.summary()["sheets"][0]["notes"] == [
        "Quyết định thành lập ở dòng tiêu đề: số 45/QĐ-UBND ngày 15/03/2022 (ghi cho các tổ chưa có)."
    ]
    assert sorted(Team.objects.values_list("village__name", "decision_number", "decision_date")) == [
        ("Thôn Nam", "45/QĐ-UBND", datetime.date(2022, 3, 15)),
        ("Thôn Tây", "7/QĐ-UBND", datetime.date(2021, 1, 4)),
        ("Thôn Đông", "45/QĐ-UBND", datetime.date(2022, 3, 15)),
    ]
    assert (plan.summary()["teams_new"], plan.summary()["teams_updated"]) == (1, 1)
    assert members() == [
        ("Thôn Nam", "Trần Văn Cường", "+84912345681"),
        ("Thôn Tây", "Lê Văn Bình", "+84912345680"),
        ("Thôn Đông", "Nguyễn Văn An", "+84912345678"),
    ]


def test_a_sheet_without_a_header_blocks_the_import_until_the_officer_skips_it(officer):
    workbook = Workbook()
    roster_sheet(
        workbook.active, [["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn"]], header=HEADER
    )
    workbook.active.title = "Thôn Đông"
    notes = workbook.create_sheet("Ghi chú")
    notes.append(["Lê Văn Bình", "0912 345 680"])  # a list typed without its header
    workbook.create_sheet("Sheet3")  # empty, as Excel leaves it
    data = workbook_bytes(workbook)
    scope = scope_for(officer)

    preview = plan_file(data, "ds.xlsx", scope)

    assert not preview.ok
    assert [(sheet.name, sheet.status) for sheet in preview.sheets] == [
        ("Thôn Đông", "read"),
        ("Ghi chú", "no_header"),
        ("Sheet3", "empty"),
    ]
    assert preview.summary()["sheets_without_header"] == ["Ghi chú"]
    assert import_file(data, "ds.xlsx", scope, user=officer).ok is False
    assert not Member.objects.exists()

    plan = import_file(data, "ds.xlsx", scope, user=officer, skip_sheets=["Ghi chú"])

    assert plan.ok
    assert plan.sheets[1].status == "skipped_by_officer"
    assert plan.sheets[1].notes == [
        "Đã bỏ qua theo lựa chọn của cán bộ: không nhập dữ liệu nào của trang tính này."
    ]
    assert members() == [("Thôn Đông", "Nguyễn Văn An", "+84912345678")]
