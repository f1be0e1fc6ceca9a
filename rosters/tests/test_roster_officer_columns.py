"""Lists made the way officers across the country make them (issue 21): each is imported with its
members in the right hamlet and role, and every row below the header is accounted for."""

import pytest

from accounts.scopes import scope_for
from places.models import Village
from rosters.importing import import_file, plan_file
from teams.models import Member, Team
from tests import officer_sheets
from tests.factories import VillageFactory
from tests.factories_rosters import commune_officer, province_officer

pytestmark = pytest.mark.django_db

LEADER, DEPUTY, MEMBER = Member.TeamRole.LEADER, Member.TeamRole.DEPUTY, Member.TeamRole.MEMBER


def stored():
    """(commune, hamlet, name, role) of every member, sorted."""
    return sorted(
        Member.objects.values_list("team__commune__name", "team__village__name", "full_name", "role")
    )


def skipped(plan):
    return [(row.sheet, row.row, row.message) for row in plan.skipped_rows]


def test_a_southern_list_with_ap_and_chuc_danh_puts_each_member_in_their_hamlet_and_role(places):
    officer = commune_officer(places[1])

    plan = import_file(officer_sheets.southern_commune_list(), "ds ap.xlsx", scope_for(officer), officer)

    assert plan.ok, (plan.errors, plan.columns_to_map)
    assert stored() == sorted(
        ("Xã Tân Lập", hamlet, name, role)
        for name, _year, hamlet, role, _phone, _note in [
            (*person[:3], {"Tổ trưởng": LEADER, "Tổ phó": DEPUTY}.get(person[3], MEMBER), *person[4:])
            for person in officer_sheets.SOUTHERN_PEOPLE
        ]
    )
    assert Team.objects.filter(village__isnull=True).count() == 0
    columns = {column["header"]: (column["state"], column["field"]) for column in plan.sheets[0].columns}
    assert columns["Ấp"] == ("read", "village")
    assert columns["Chức danh"] == ("read", "role")
    assert columns["Ghi chú"] == ("unknown", "")  # remarks: shown as not imported, blocks nothing
    # Seven members, one blank row passed over, the signature line listed.
    assert plan.count("new") == 7
    assert skipped(plan) == [("Danh sách", 13, "Chữ ký dưới bảng: không phải thành viên.")]


def test_a_ward_list_headed_khu_pho_makes_one_team_per_residential_group(places):
    officer = commune_officer(places[2])

    plan = import_file(officer_sheets.ward_list(), "phuong.xlsx", scope_for(officer), officer)

    assert plan.ok, plan.errors
    roles = {"Tổ trưởng": LEADER, "Phó tổ trưởng": DEPUTY, "P. Tổ trưởng": DEPUTY, "Tổ viên": MEMBER}
    roles["Thành viên"] = MEMBER
    assert stored() == sorted(
        ("Phường Hùng Vương", hamlet, name, roles[role])
        for hamlet, name, role, _phone in officer_sheets.WARD_PEOPLE
    )
    assert sorted(Team.objects.values_list("village__name", flat=True)) == ["Khu phố 1", "Khu phố 2"]
    assert skipped(plan) == [
        ("Sheet", 8, "Dòng tiêu đề: không phải thành viên."),
        ("Sheet", 12, "Dòng cộng hoặc tổng cộng: không phải thành viên."),
    ]


def test_a_provincial_consolidated_list_with_two_row_header_merged_communes_and_subtotals(places):
    officer = province_officer(places[0])

    plan = import_file(officer_sheets.provincial_list(), "tong hop.xlsx", scope_for(officer), officer)

    assert plan.ok, plan.errors
    roles = {"Tổ trưởng": LEADER, "Tổ phó": DEPUTY, "Thành viên": MEMBER}
    assert stored() == sorted(
        (commune, hamlet, name, roles[role])
        for commune, people in officer_sheets.PROVINCE_COMMUNES
        for hamlet, name, role, _phone in people
    )
    assert Member.objects.get(full_name="Tạ Văn Lộc").phone == "+84912345626"  # upper-row header
    sheet = plan.sheets[0]
    assert (sheet.header_row, sheet.new, sheet.errors) == (5, 6, 0)
    assert "Dòng tiêu đề chiếm hai dòng (4 và 5)." in sheet.notes
    total = "Dòng cộng hoặc tổng cộng: không phải thành viên."
    signature = "Chữ ký dưới bảng: không phải thành viên."
    assert skipped(plan) == [
        ("Tổng hợp", 9, total),
        ("Tổng hợp", 13, total),
        ("Tổng hợp", 14, total),
        ("Tổng hợp", 16, signature),
        ("Tổng hợp", 17, signature),
    ]


def test_a_name_split_over_two_columns_with_a_sheet_per_hamlet_loses_nobody(places):
    """The worst case of issue 21: five of seven people missing from a "successful" dry run."""
    officer = commune_officer(places[1])
    data = officer_sheets.split_name_workbook()

    preview = plan_file(data, "hai thon.xlsx", scope_for(officer))
    assert [(sheet.name, sheet.header_row, sheet.new) for sheet in preview.sheets] == [
        ("Thôn Đông", 4, 4),
        ("Thôn Tây", 4, 3),
    ]
    plan = import_file(data, "hai thon.xlsx", scope_for(officer), officer)

    assert plan.ok, plan.errors
    assert stored() == sorted(
        ("Xã Tân Lập", hamlet, f"{family} {given}", {"Tổ trưởng": LEADER, "Tổ phó": DEPUTY}.get(role, MEMBER))
        for hamlet, people in officer_sheets.HAMLET_SHEETS.items()
        for family, given, _year, role, _phone in people
    )
    assert plan.skipped_rows == []


def test_ban_cho_and_thon_ban_cho_in_a_tcvn3_workbook_are_one_hamlet_shown_as_new(places):
    officer = commune_officer(places[1])

    plan = import_file(officer_sheets.tcvn3_hamlet_workbook(), "ban cho.xls", scope_for(officer), officer)

    assert plan.ok, plan.errors
    assert list(Village.objects.values_list("name", flat=True)) == ["Bản Chợ"]
    assert Team.objects.count() == 1
    assert Member.objects.filter(team__village__name="Bản Chợ").count() == 3
    assert plan.summary()["villages_new_names"] == ["Bản Chợ"]


def test_thon_ban_cho_finds_the_village_already_stored_as_ban_cho(places):
    officer = commune_officer(places[1])
    VillageFactory(commune=places[1], name="Bản Chợ")

    plan = plan_file(officer_sheets.tcvn3_hamlet_workbook(), "ban cho.xls", scope_for(officer))

    assert plan.ok, plan.errors
    assert plan.summary()["villages_new"] == 0
