"""The columns of an assistance log sheet: one session a row, as leaders keep tallies in Excel.

Services are written by name in one cell ("VNeID; Dịch vụ công"), outcomes as "name: count"
pairs in another ("VNeID mức 2: 5; Nộp hồ sơ trực tuyến: 3"): the lists are data that differ
by province (shared/domain.md), so they are not columns of their own.
"""

import dataclasses
import re
from datetime import date, datetime

from rosters.cells import cell_text
from rosters.columns import COMMUNE, PROVINCE
from rosters.tables import Column
from teams.roster_kinds.columns import VILLAGE

DATE_PATTERN = r"^\d{1,2}[/.\-]\d{1,2}[/.\-](\d{2}|\d{4})$"


def looks_like_date(value):
    """An Excel date, or dd/mm/yyyy text: what a column of session days holds."""
    if isinstance(value, date | datetime):
        return True
    return bool(re.match(DATE_PATTERN, cell_text(value)))


HELD_ON = Column(
    "held_on",
    "Ngày hỗ trợ",
    ("Ngày", "Ngày thực hiện", "Ngày tổ chức", "Thời gian", "Ngày/tháng/năm", "Ngày hoạt động"),
    required=True,
    note="Bắt buộc. Ngày/tháng/năm, ví dụ 05/11/2026 (hoặc ô ngày của Excel).",
    looks_like=looks_like_date,
)
LOG_VILLAGE = dataclasses.replace(
    VILLAGE, required=True, note="Bắt buộc. Thôn, bản, ấp hoặc tổ dân phố nơi tổ chức buổi hỗ trợ."
)
CITIZENS = Column(
    "citizens_helped",
    "Số người dân được hỗ trợ",
    ("Số người được hỗ trợ", "Số lượt người", "Số người", "Số lượt hỗ trợ", "Số người dân", "Tổng số người"),
    required=True,
    note="Bắt buộc. Số người dân được hỗ trợ trong buổi.",
)
WOMEN = Column("women_helped", "Trong đó nữ", ("Nữ", "Số nữ", "Số người nữ"), note="Không bắt buộc.")
OVER_60 = Column(
    "over_60_helped",
    "Trong đó trên 60 tuổi",
    ("Trên 60 tuổi", "Người trên 60 tuổi", "Người cao tuổi", "Số người cao tuổi"),
    note="Không bắt buộc.",
)
SERVICES = Column(
    "services",
    "Dịch vụ hỗ trợ",
    ("Dịch vụ", "Nội dung hỗ trợ", "Nội dung", "Lĩnh vực hỗ trợ"),
    note="Bắt buộc. Tên các dịch vụ, cách nhau bởi dấu chấm phẩy, ví dụ: VNeID; Dịch vụ công trực tuyến.",
)
OUTCOMES = Column(
    "outcomes",
    "Kết quả",
    ("Kết quả đạt được", "Kết quả hỗ trợ"),
    note="Không bắt buộc. Tên kết quả và số lượng, ví dụ: VNeID mức 2: 5; Hồ sơ dịch vụ công: 2.",
)
NOTE = Column("note", "Ghi chú", ("Ghi chu",), note="Không bắt buộc.")

LOG_COLUMNS = [HELD_ON, LOG_VILLAGE, CITIZENS, WOMEN, OVER_60, SERVICES, OUTCOMES, NOTE, COMMUNE, PROVINCE]
LOG_EXAMPLE = {
    "held_on": "05/11/2026",
    "village": "Thôn Đông",
    "citizens_helped": 14,
    "women_helped": 8,
    "over_60_helped": 3,
    "services": "VNeID",
    "outcomes": "VNeID mức 2: 6",
    "note": "Tại nhà văn hoá thôn",
    "commune": "Xã Tân Lập",
    "province": "Tỉnh Phú Thọ",
}
