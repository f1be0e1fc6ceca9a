"""An officer imports a village's households from a spreadsheet, as rosters are imported: every
error in its cell, nothing written until the whole file is right, only the officer's own
communes, a column nobody named asked about, and the same file twice adds nothing."""

import pytest

from accounts.scopes import scope_for
from households.models import Household, HouseholdMember
from messaging.models import ConsentRecord
from rosters.importing import import_file

pytestmark = pytest.mark.django_db

HEADER = "Họ và tên chủ hộ,Địa chỉ,Số điện thoại,Đồng ý giữ số điện thoại,Thôn/Tổ dân phố,Xã/Phường\n"
GOOD = [
    "Nguyễn Văn Bình,Xóm Đình,0912 345 601,Có,Thôn Giang Cao,Xã Bát Tràng",
    "Trần Thị Hoa,,,,Thôn Giang Cao,Xã Bát Tràng",
]


def _csv(*rows, header=HEADER):
    return (header + "\n".join(rows) + "\n").encode()


def _errors(plan):
    return [(error.row, error.column, error.message) for error in plan.errors]


def test_a_file_with_errors_writes_nothing_and_says_which_cell(world):
    officer = world.person("commune")
    data = _csv(
        *GOOD,
        "Lý Văn Tư,,0912 345 602,,Thôn Giang Cao,Xã Bát Tràng",  # a phone without consent
        "Đào Văn Năm,,,,Thôn Không Có,Xã Bát Tràng",  # no such village
        "Giàng A Páo,,,,Bản Tả Van Giáy,Xã Tả Van",  # another province's commune
    )
    plan = import_file(data, "ho.csv", scope_for(officer), user=officer, kind="households")
    assert not plan.ok
    errors = _errors(plan)
    assert [row for row, _column, _message in errors] == [4, 5, 6]
    assert errors[0][1] == "C (Số điện thoại)"
    assert "ghi Có ở cột đồng ý" in errors[0][2]
    assert "Thôn Không Có" in errors[1][2]
    assert "nhập danh sách thôn trước" in errors[1][2]
    assert errors[2][1].startswith("F")
    assert not Household.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_a_column_nobody_named_is_asked_about_not_guessed(world):
    officer = world.person("commune")
    header = HEADER.rstrip("\n") + ",Người giới thiệu\n"
    rows = [row + ",Phạm Thị Lan" for row in GOOD]
    plan = import_file(
        _csv(*rows, header=header), "ho.csv", scope_for(officer), user=officer, kind="households"
    )
    assert not plan.ok
    assert [column["header"] for column in plan.columns_to_map] == ["Người giới thiệu"]
    assert not Household.objects.exists()


def test_a_right_file_imports_once_with_heads_and_consent(world):
    officer = world.person("commune")
    data = _csv(*GOOD)
    plan = import_file(data, "ho.csv", scope_for(officer), user=officer, kind="households")
    assert plan.ok
    assert plan.count("new") == 2
    binh = Household.objects.get(head_name="Nguyễn Văn Bình")
    assert (binh.village, binh.address, binh.phone, binh.created_by) == (
        world["villages"]["a"],
        "Xóm Đình",
        "+84912345601",
        officer,
    )
    assert Household.objects.get(head_name="Trần Thị Hoa").phone is None
    assert sorted(HouseholdMember.objects.values_list("full_name", flat=True)) == [
        "Nguyễn Văn Bình",
        "Trần Thị Hoa",
    ]
    consent = ConsentRecord.objects.get()
    assert (consent.phone, consent.purpose, consent.method, consent.recorded_by) == (
        "+84912345601",
        "notice",
        "paper",
        officer,
    )
    again = import_file(data, "ho.csv", scope_for(officer), user=officer, kind="households")
    assert again.ok
    assert again.changes() == 0
    assert again.count("unchanged") == 2
    assert (Household.objects.count(), HouseholdMember.objects.count(), ConsentRecord.objects.count()) == (
        2,
        2,
        1,
    )
