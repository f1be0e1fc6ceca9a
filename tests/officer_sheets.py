"""Workbooks made the way officers in the south, the mountains, the wards and the provincial
departments make them (issue 21), built for the kind of file, not copied from one: their own
column words ("Ấp", "Chức danh", "Khu phố", "Thôn/Bản"), two-row headers with merged cells,
subtotal rows, names split over two columns, a sheet per hamlet, TCVN3 text.
"""

from openpyxl import Workbook

from tests.factories_rosters import workbook_bytes
from vietnamese.legacy_encodings import encode_tcvn3

SOUTHERN_PEOPLE = [
    # name, year, ấp, chức danh, phone, ghi chú
    ("Nguyễn Văn Tâm", 1975, "Ấp Bình Hòa", "Tổ trưởng", "0912 345 601", "Trưởng ấp"),
    ("Trần Thị Mai", 1990, "Ấp Bình Hòa", "Tổ phó", "0912 345 602", "Bí thư chi đoàn"),
    ("Lê Văn Hùng", 1988, "Ấp Bình Hòa", "Thành viên", "0912 345 603", ""),
    ("Phạm Thị Lan", 1995, "Ấp Bình Hòa", "Thành viên", "0912 345 604", "Hội Phụ nữ"),
    ("Huỳnh Văn Sáu", 1970, "Ấp Tân Thạnh", "Tổ trưởng", "0912 345 605", "Trưởng ấp"),
    ("Võ Thị Bảy", 1992, "Ấp Tân Thạnh", "Thành viên", "0912 345 606", ""),
    ("Đặng Văn Tám", 1985, "Ấp Tân Thạnh", "Thành viên", "0912 345 607", "Công an viên"),
]


def _titles(sheet, committee, title):
    sheet.append([committee])
    sheet.append([title])
    sheet.append([])


def southern_commune_list():
    """A southern commune's list: "Ấp" for the hamlet, "Chức danh" for the role, a remarks column."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    _titles(sheet, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG CÁC ẤP")
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Ấp", "Chức danh", "Số điện thoại", "Ghi chú"])
    for number, person in enumerate(SOUTHERN_PEOPLE, start=1):
        sheet.append([number, *person])
    sheet.append([])
    sheet.append(["", "", "", "", "Người lập danh sách"])
    return workbook_bytes(workbook)


WARD_PEOPLE = [
    ("Khu phố 1", "Ngô Văn Long", "Tổ trưởng", "0912 345 611"),
    ("Khu phố 1", "Dương Thị Hạnh", "Phó tổ trưởng", "0912 345 612"),
    ("Khu phố 1", "Lý Văn Phúc", "Thành viên", "0912 345 613"),
    ("Khu phố 2", "Đinh Văn Quang", "Tổ trưởng", "0912 345 614"),
    ("Khu phố 2", "Trịnh Thị Vân", "P. Tổ trưởng", "0912 345 615"),
    ("Khu phố 2", "Đoàn Văn Khải", "Tổ viên", "0912 345 616"),
]


def ward_list():
    """A ward's list: "Khu phố" heads the residential-group column, a deputy written two ways, a
    section title line above the second group."""
    workbook = Workbook()
    sheet = workbook.active
    _titles(sheet, "ỦY BAN NHÂN DÂN PHƯỜNG HÙNG VƯƠNG", "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ")
    sheet.append(["TT", "Khu phố", "Họ và tên", "Nhiệm vụ", "Điện thoại"])
    for number, person in enumerate(WARD_PEOPLE, start=1):
        if number == 4:
            sheet.append([None, "KHU PHỐ 2"])  # a section title above the second group's rows
        sheet.append([number, *person])
    sheet.append(["Tổng cộng: 6 người"])
    return workbook_bytes(workbook)


PROVINCE_COMMUNES = [
    (
        "Xã Tân Lập",
        [
            ("Thôn Đông", "Mai Văn Cường", "Tổ trưởng", "0912 345 621"),
            ("Thôn Đông", "Lương Thị Thu", "Tổ phó", "0912 345 622"),
            ("Bản Chợ", "Hà Văn Sơn", "Tổ trưởng", "0912 345 623"),
        ],
    ),
    (
        "Phường Hùng Vương",
        [
            ("Tổ dân phố 3", "Cao Văn Minh", "Tổ trưởng", "0912 345 624"),
            ("Tổ dân phố 3", "Kiều Thị Nga", "Thành viên", "0912 345 625"),
            ("Tổ dân phố 3", "Tạ Văn Lộc", "Thành viên", "0912 345 626"),
        ],
    ),
]


def provincial_list():
    """A department's consolidated list: a two-row header ("Đơn vị" over commune and hamlet,
    "Thông tin thành viên" over the person, STT merged down both rows, the phone header left in
    the upper row only), each commune merged down its rows, a "Cộng: 3 người" subtotal after each
    commune (merged across), a grand total and a signature block with the signer's name."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    _titles(sheet, "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH PHÚ THỌ", "TỔNG HỢP TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG")
    sheet.append(["STT", "Đơn vị", None, "Thông tin thành viên", None, "Số điện thoại"])  # row 4
    sheet.append([None, "Xã/Phường", "Thôn/Bản", "Họ và tên", "Chức vụ", None])  # row 5
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:C4")
    sheet.merge_cells("D4:E4")
    number = 0
    for commune, people in PROVINCE_COMMUNES:
        first = sheet.max_row + 1
        for hamlet, name, role, phone in people:
            number += 1
            sheet.append([number, commune if sheet.max_row + 1 == first else None, hamlet, name, role, phone])
        sheet.merge_cells(start_row=first, start_column=2, end_row=sheet.max_row, end_column=2)
        sheet.append([None, f"Cộng: {len(people)} người"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=3)
    sheet.append(["Tổng cộng: 6 người"])
    sheet.append([])
    sheet.append([None, None, None, "NGƯỜI LẬP BIỂU"])
    sheet.append([None, None, None, "Nguyễn Thị Hằng"])
    return workbook_bytes(workbook)


HAMLET_SHEETS = {
    "Thôn Đông": [
        ("Nguyễn Văn", "An", 1980, "Tổ trưởng", "0912 345 631"),
        ("Trần Thị", "Bình", 1991, "Tổ phó", "0912 345 632"),
        ("Lê Văn", "Cường", 1987, "Thành viên", "0912 345 633"),
        ("Phạm Thị Thu", "Hà", 1993, "Thành viên", None),  # no phone yet
    ],
    "Thôn Tây": [
        ("Hoàng Văn", "Dũng", 1979, "Tổ trưởng", "0912 345 634"),
        ("Vũ Thị", "Hoa", 1996, "Thành viên", "0912 345 635"),
        ("Bùi Văn", "Khoa", 1984, "Thành viên", "0912 345 636"),
    ],
}


def split_name_workbook():
    """One sheet per hamlet (the sheet's name is the hamlet), the name in "Họ và tên đệm" | "Tên"."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for hamlet, people in HAMLET_SHEETS.items():
        sheet = workbook.create_sheet(hamlet)
        _titles(sheet, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", f"DANH SÁCH TỔ CÔNG NGHỆ SỐ {hamlet.upper()}")
        sheet.append(["STT", "Họ và tên đệm", "Tên", "Năm sinh", "Chức vụ", "Điện thoại"])
        for number, person in enumerate(people, start=1):
            sheet.append([number, *person])
    return workbook_bytes(workbook)


BAN_CHO_PEOPLE = [
    ("Bản Chợ", "Lò Văn Pọm", "Tổ trưởng", "0912 345 641"),
    ("Thôn Bản Chợ", "Lường Thị Xuân", "Tổ phó", "0912 345 642"),
    ("Thôn Bản Chợ", "Cầm Văn Ánh", "Thành viên", "0912 345 643"),
]


def tcvn3_hamlet_workbook():
    """A mountain commune's workbook typed in .VnTime (TCVN3): one hamlet written "Bản Chợ" on one
    row and "Thôn Bản Chợ" (its name since the merger) on the others."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ban Cho"
    tcvn3 = encode_tcvn3
    sheet.append([tcvn3("ỦY BAN NHÂN DÂN XÃ TÂN LẬP")])
    sheet.append([])
    sheet.append([tcvn3(text) for text in ("STT", "Thôn/Bản", "Họ và tên", "Chức vụ", "Số điện thoại")])
    for number, (hamlet, name, role, phone) in enumerate(BAN_CHO_PEOPLE, start=1):
        sheet.append([number, tcvn3(hamlet), tcvn3(name), tcvn3(role), phone])
    return workbook_bytes(workbook)


UNNAMED_HEADER = ["STT", "Họ và tên", "Địa danh", "Cương vị", "SĐT", "Ghi chú"]
UNNAMED_PEOPLE = [
    ("Nguyễn Văn An", "Thôn Đông", "Tổ trưởng", "0912 345 651", "Trưởng thôn"),
    ("Lê Thị Bích", "Thôn Đông", "Thành viên", "0912 345 652", ""),
    ("Trần Văn Công", "Thôn Tây", "Tổ trưởng", "0912 345 653", "Công an viên"),
]


def unnamed_columns_list(header=UNNAMED_HEADER):
    """A list whose hamlet column ("Địa danh") and role column ("Cương vị") have headers no list
    of words foresees: imported anyway, every member would land in one commune team as a member."""
    workbook = Workbook()
    sheet = workbook.active
    _titles(sheet, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "DANH SÁCH TỔ CÔNG NGHỆ SỐ")
    sheet.append(list(header))
    for number, person in enumerate(UNNAMED_PEOPLE, start=1):
        sheet.append([number, *person])
    return workbook_bytes(workbook)
