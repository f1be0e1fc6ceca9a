"""The columns of a team roster and of a village list, in the spellings officers use.

The name, phone and place columns are shared with other kinds (rosters/columns.py). The village
and role columns are also named by meaning: any combination of the regional hamlet words ("Ấp",
"Thôn/Bản", "Khu phố", "Tên xóm"), any header about a position ("Chức danh", "Nhiệm vụ").
"""

from rosters.cleaning import looks_like_year
from rosters.columns import COMMUNE, DISTRICT, FULL_NAME, NAME_PART, PHONE, PROVINCE
from rosters.tables import Column
from teams.roster_kinds.cleaning import looks_like_role
from vietnamese.units import names_a_hamlet_unit, starts_with_hamlet_unit

_ROLE_WORDS = ("chuc vu", "chuc danh", "nhiem vu", "vai tro")
_WORKPLACE_WORDS = ("don vi", "co quan", "cong tac")


def _names_a_role(key):
    """'Chức danh', 'Nhiệm vụ trong tổ', 'Chức vụ trong tổ CNSCĐ'; not 'Chức vụ, đơn vị công tác'."""
    return any(word in key for word in _ROLE_WORDS) and not any(word in key for word in _WORKPLACE_WORDS)


ROLE = Column(
    "role",
    "Chức vụ trong tổ",
    ("Chức danh trong tổ", "Vai trò", "Vai trò trong tổ", "Nhiệm vụ trong tổ", "Chức vụ tổ", "Chức vụ"),
    note="Tổ trưởng, Tổ phó hoặc Thành viên. Mỗi tổ một tổ trưởng.",
    means=_names_a_role,
    looks_like=looks_like_role,
)
ORGANISATION = Column(
    "organisation",
    "Đơn vị công tác",
    ("Nơi công tác", "Cơ quan", "Đơn vị", "Chức vụ, đơn vị công tác", "Cơ quan, đơn vị"),
    note="Ví dụ: Đoàn Thanh niên, Hội Phụ nữ, Công an xã, Viettel, Trường tiểu học.",
)
GENDER = Column("gender", "Giới tính", ("Nam/Nữ", "Nam, nữ"), note="Nam hoặc Nữ.")
BIRTH_YEAR = Column(
    "birth_year",
    "Năm sinh",
    ("Ngày sinh", "Ngày tháng năm sinh"),
    note="Năm (1985) hoặc ngày sinh.",
    looks_like=looks_like_year,
)
JOINED_ON = Column("joined_on", "Ngày tham gia", ("Ngày vào tổ",), note="Ngày/tháng/năm, ví dụ 15/03/2023.")
VILLAGE = Column(
    "village",
    "Thôn/Tổ dân phố",
    (
        "Thôn",
        "Tổ dân phố",
        "Thôn, tổ dân phố",
        "Thôn/bản/ấp",
        "Thôn, bản, ấp",
        "Thôn/Tổ",
        "Địa bàn",
        "Thôn, xóm",
    ),
    note="Thôn, bản, ấp hoặc tổ dân phố tổ phụ trách. Bỏ trống với tổ cấp xã. "
    "Nếu không có cột này, tên trang tính được dùng làm tên thôn.",
    means=names_a_hamlet_unit,
    looks_like=starts_with_hamlet_unit,
)
TEAM_NAME = Column("team_name", "Tên tổ", ("Tổ công nghệ số", "Tên tổ công nghệ số"))
DECISION_NUMBER = Column(
    "decision_number",
    "Số quyết định",
    ("Số QĐ", "Quyết định thành lập", "Số quyết định thành lập"),
    note="Số quyết định thành lập tổ, ví dụ 12/QĐ-UBND.",
)
DECISION_DATE = Column(
    "decision_date", "Ngày quyết định", ("Ngày QĐ", "Ngày ban hành", "Ngày thành lập"), note="Ngày/tháng/năm."
)

ROSTER_COLUMNS = [
    FULL_NAME,
    NAME_PART,
    PHONE,
    ROLE,
    ORGANISATION,
    GENDER,
    BIRTH_YEAR,
    JOINED_ON,
    VILLAGE,
    COMMUNE,
    PROVINCE,
    DISTRICT,
    TEAM_NAME,
    DECISION_NUMBER,
    DECISION_DATE,
]

VILLAGE_NAME = Column(
    "village",
    "Thôn/Tổ dân phố",
    ("Tên thôn", "Thôn", "Tổ dân phố", "Tên thôn, tổ dân phố", "Thôn/bản/ấp", "Thôn, bản, ấp"),
    required=True,
    note="Bắt buộc. Tên thôn, bản, ấp hoặc tổ dân phố.",
    means=names_a_hamlet_unit,
    looks_like=starts_with_hamlet_unit,
)
POPULATION = Column("population", "Số dân", ("Dân số", "Số nhân khẩu"), note="Số người (không bắt buộc).")
VILLAGE_COLUMNS = [VILLAGE_NAME, POPULATION, COMMUNE, PROVINCE, DISTRICT]

# The example row of each template, in column order.
ROSTER_EXAMPLE = {
    "full_name": "Nguyễn Văn An",
    "phone": "0912 345 678",
    "role": "Tổ trưởng",
    "organisation": "Trưởng thôn",
    "gender": "Nam",
    "birth_year": 1980,
    "joined_on": "15/03/2023",
    "village": "Thôn Đông",
    "commune": "Xã Tân Lập",
    "province": "Tỉnh Phú Thọ",
    "team_name": "Tổ công nghệ số thôn Đông",
    "decision_number": "12/QĐ-UBND",
    "decision_date": "10/03/2023",
}
VILLAGE_EXAMPLE = {
    "village": "Thôn Đông",
    "population": 1250,
    "commune": "Xã Tân Lập",
    "province": "Tỉnh Phú Thọ",
}
