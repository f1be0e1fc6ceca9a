"""Columns every kind of list may share: a person's name and phone, and the place a row belongs to.

Labels are the headers templates and exports write (Vietnamese, as the files are sent upward in
Vietnamese whatever the officer's admin language); aliases are other spellings seen in real files.
Case, diacritics, punctuation and bracketed remarks never matter (tables.header_key). Each kind
adds its own columns (teams/roster_kinds/columns.py, trainings/attendance_sheet.py). `looks_like`
says what a column's values look like, for the header evidence and the unnamed-column check.
"""

from rosters.cleaning import looks_like_name, looks_like_phone
from rosters.tables import Column

FULL_NAME = Column(
    "full_name",
    "Họ và tên",
    ("Họ tên", "Họ và tên thành viên", "Tên thành viên", "Thành viên", "Họ, tên"),
    required=True,
    note="Bắt buộc. Họ và tên đầy đủ, có dấu.",
    looks_like=looks_like_name,
)
# The name written over two or three columns ("Họ" | "Tên đệm" | "Tên", "Họ và tên đệm" | "Tên"):
# read only where no column holds the whole name, joined in column order.
NAME_PART = Column(
    "full_name",
    "Tên",
    ("Họ", "Họ và tên đệm", "Họ tên đệm", "Họ và đệm", "Họ đệm", "Tên đệm", "Chữ đệm", "Tên gọi"),
    required=True,
    part=True,
)
PHONE = Column(
    "phone",
    "Số điện thoại",
    ("SĐT", "SDT", "Điện thoại", "ĐT", "Số ĐT", "Di động", "Số di động", "Điện thoại di động"),
    note="Số di động 10 chữ số, ví dụ 0912 345 678. Dùng để nhận ra thành viên khi nhập lại.",
    looks_like=looks_like_phone,
)
COMMUNE = Column(
    "commune",
    "Xã/Phường",
    ("Xã", "Phường", "Xã, phường", "Xã/Phường/Đặc khu", "Xã, phường, đặc khu", "Xã/Phường/Thị trấn"),
    note="Tên xã, phường theo bản đồ hành chính từ 01/07/2025.",
)
PROVINCE = Column("province", "Tỉnh/Thành phố", ("Tỉnh", "Tỉnh/TP", "Tỉnh, thành phố", "Thành phố"))
DISTRICT = Column("district", "Huyện", ("Quận/Huyện", "Huyện/Thị xã", "Quận, huyện", "Huyện/Quận/Thị xã"))
