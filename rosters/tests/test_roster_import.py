"""Importing team rosters as officers keep them: messy sheets in, exact errors out, all or nothing."""

import datetime
import unicodedata

import pytest
from django.utils import translation
from openpyxl import Workbook

from accounts.scopes import scope_for
from places.models import Village
from rosters.importing import import_file, plan_file
from teams.models import Member, Team, TeamEvent
from tests.factories_rosters import (
    province_officer,
    roster_sheet,
    roster_xlsx,
    with_cached_formula_values,
    workbook_bytes,
)
from tests.factories_teams import MemberFactory, TeamFactory
from vietnamese.legacy_encodings import encode_tcvn3, encode_vni

pytestmark = pytest.mark.django_db


def messy_rows():
    """Every phone form, an NFD name, a lost leading zero, an old 11-digit number."""
    return [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
        [unicodedata.normalize("NFD", "Trần Thị Hoà"), "0912.345.679", "Tổ phó", "Bí thư Đoàn", None, None],
        ["Lê Văn Bình", "84912345680", "thành viên", "Công an xã", None, None],
        ["Phạm Thị Cúc", 912345681, "TV", "Hội Phụ nữ", None, None],
        ["Hoàng Văn Dũng", "+84 912 345 682", "Thành viên", "Viettel", "Thôn Tây", "xa tan lap"],
        ["Đỗ Thị Én", "01693456789", "Tổ trưởng", "Trưởng thôn", "Thôn Tây", "Tân Lập"],
    ]


def test_a_messy_roster_is_previewed_without_writing_then_imported(officer, places):
    data = roster_xlsx(messy_rows(), merge=(6, 4))
    scope = scope_for(officer)

    plan = plan_file(data, "danh sach.xlsx", scope)

    assert plan.errors == []
    [sheet] = plan.summary()["sheets"]
    assert (sheet["header_row"], sheet["new"], sheet["errors"], sheet["skipped"]) == (5, 6, 0, 2)
    assert [w.message for w in plan.warnings] == [
        "Số 11 chữ số cũ 01693456789 đã được đổi thành 0393 456 789."
    ]
    assert Member.objects.count() == Village.objects.count() == Team.objects.count() == 0

    plan = import_file(data, "danh sach.xlsx", scope, user=officer)

    assert plan.ok
    dong, tay = Village.objects.order_by("name_key")
    assert (dong.name, tay.name, dong.commune, tay.commune) == ("Thôn Đông", "Thôn Tây", places[1], places[1])
    team = Team.objects.get(village=dong)
    assert sorted(team.members.values_list("full_name", "phone", "role", "organisation")) == [
        ("Lê Văn Bình", "+84912345680", "member", "police"),
        ("Nguyễn Văn An", "+84912345678", "leader", "village_office"),
        ("Phạm Thị Cúc", "+84912345681", "member", "womens_union"),
        ("Trần Thị Hoà", "+84912345679", "deputy", "youth_union"),
    ]
    assert Member.objects.get(full_name="Đỗ Thị Én").phone == "+84393456789"
    assert TeamEvent.objects.filter(kind=TeamEvent.Kind.MEMBER_JOINED, recorded_by=officer).count() == 6
    assert TeamEvent.objects.filter(kind=TeamEvent.Kind.FOUNDED).count() == 2


def test_the_same_file_twice_changes_nothing_and_a_corrected_file_updates_only_what_changed(officer):
    data = roster_xlsx(messy_rows(), merge=(6, 4))
    scope = scope_for(officer)
    import_file(data, "roster.xlsx", scope, user=officer)
    stamps = dict(Member.objects.values_list("pk", "updated_at"))
    events = TeamEvent.objects.count()

    again = import_file(data, "roster.xlsx", scope, user=officer)

    assert again.summary()["totals"] == {"new": 0, "updated": 0, "unchanged": 6, "skipped": 2, "errors": 0}
    assert dict(Member.objects.values_list("pk", "updated_at")) == stamps
    assert TeamEvent.objects.count() == events

    corrected = messy_rows()
    corrected[2][2] = "Tổ phó"  # Bình becomes a deputy
    corrected[3][0] = "Phạm Thị Cúc"
    plan = import_file(roster_xlsx(corrected, merge=(6, 4)), "roster.xlsx", scope, user=officer)

    assert plan.summary()["totals"]["updated"] == 1
    assert Member.objects.get(full_name="Lê Văn Bình").role == Member.TeamRole.DEPUTY
    assert TeamEvent.objects.filter(kind=TeamEvent.Kind.ROLE_CHANGED).count() == 1
    assert Member.objects.count() == 6


def test_errors_name_the_row_the_column_and_the_fix_and_nothing_is_written(officer, places):
    rows = messy_rows()
    rows[1][1] = "091234"
    rows[3][4:6] = ["Thôn Bắc", "Xã Yên Lạc"]  # another province's commune
    rows[4][5] = "Xã Hùng Lô"  # a commune merged away in 2025
    data = roster_xlsx(rows, merge=None)

    with translation.override("en"):
        plan = import_file(data, "roster.xlsx", scope_for(officer), user=officer)

    assert [(e.row, e.column, e.message) for e in plan.errors] == [
        (7, "C (SĐT)", "Phone number 091234 is not valid: it needs 10 digits."),
        (
            9,
            "G (Xã/Phường)",
            "Xã Yên Lạc (Tỉnh Lào Cai) is outside the units you manage: remove the row or ask an officer "
            "of that commune to import it.",
        ),
        (
            10,
            "G (Xã/Phường)",
            "Xã Hùng Lô is not a commune or ward on the map since 1 July 2025 (it may be an old commune merged "
            "in 2025, which no longer exists): write the new commune or ward.",
        ),
    ]
    assert plan.summary()["totals"] == {"new": 3, "updated": 0, "unchanged": 0, "skipped": 2, "errors": 3}
    assert Member.objects.count() == Village.objects.count() == Team.objects.count() == 0


def test_errors_are_in_vietnamese_for_a_vietnamese_officer(officer):
    rows = messy_rows()
    rows[1][1] = "091234"
    with translation.override("vi"):
        plan = plan_file(roster_xlsx(rows), "roster.xlsx", scope_for(officer))
    assert plan.errors[0].message == "Số điện thoại 091234 không hợp lệ: cần 10 chữ số."


def test_tcvn3_sheets_one_per_village_with_formulas_and_header_spellings(places):
    officer = province_officer(places[0])
    workbook = Workbook()
    header = ["TT", "HO TEN", "Điện thoại", "Chức vụ", "Xã"]
    old_font = workbook.active
    old_font.title = encode_tcvn3("Thôn Đồng Tâm")
    roster_sheet(
        old_font,
        [
            [
                encode_tcvn3("Nguyễn Văn Đức"),
                "0987 654 321",
                encode_tcvn3("Tổ trưởng"),
                encode_tcvn3("Xã Tân Lập"),
            ],
            [encode_tcvn3("Bùi Thị Thuỷ"), '="0987"&"654322"', encode_tcvn3("Thành viên"), None],
        ],
        header=[encode_tcvn3(text) for text in header],
        merge=(5, 2),
        encode=encode_tcvn3,
    )
    roster_sheet(
        workbook.create_sheet("TDP 3"),
        [["Vũ Minh Khoa", "0987 654 323", "Tổ trưởng", "Phường Hùng Vương"]],
        header=["STT", "Họ tên", "Số điện thoại", "Chức vụ trong tổ", "Xã/Phường"],
    )
    data = with_cached_formula_values(workbook_bytes(workbook), {"C7": "0987654322"})

    plan = import_file(data, "huyen cu.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    first, second = plan.summary()["sheets"]
    assert first["name"] == "Thôn Đồng Tâm"
    assert first["converted_from"] == "TCVN3 (ABC, .VnTime)"
    assert first["notes"][0] == (
        "Văn bản được gõ bằng bảng mã TCVN3 (ABC, .VnTime) và đã được chuyển sang Unicode."
    )
    assert (first["new"], second["new"]) == (2, 1)
    assert sorted(
        Member.objects.values_list("full_name", "phone", "team__village__name", "team__commune_id")
    ) == [
        ("Bùi Thị Thuỷ", "+84987654322", "Thôn Đồng Tâm", "08001"),
        ("Nguyễn Văn Đức", "+84987654321", "Thôn Đồng Tâm", "08001"),
        ("Vũ Minh Khoa", "+84987654323", "TDP 3", "08002"),
    ]
    assert Village.objects.get(name="TDP 3").kind == Village.Kind.RESIDENTIAL_GROUP


def test_members_are_matched_by_phone_then_by_name_within_the_team(officer, places):
    village = Village.objects.create(commune=places[1], name="Thôn Đông")
    team = TeamFactory(village=village)
    by_phone = MemberFactory(team=team, full_name="Nguyen Van An", phone="+84912345678")
    by_name = MemberFactory(team=team, full_name="Trần Thị Hoà", phone=None)
    rows = [
        ["Nguyễn Văn An", "0912345678", "Thành viên", "", "Thôn Đông", "Xã Tân Lập"],
        ["Tran Thi Hoa", "0912 345 679", "Thành viên", "", "Thôn Đông", "Xã Tân Lập"],
    ]

    plan = import_file(roster_xlsx(rows), "roster.xlsx", scope_for(officer), user=officer)

    assert plan.summary()["totals"]["updated"] == 2
    by_phone.refresh_from_db()
    by_name.refresh_from_db()
    assert (by_phone.full_name, by_name.phone) == ("Nguyễn Văn An", "+84912345679")
    assert team.members.count() == 2


def test_a_phone_already_on_another_team_of_the_file_is_an_error_naming_that_team(officer, places):
    dong = TeamFactory(village=Village.objects.create(commune=places[1], name="Thôn Đông"))
    TeamFactory(village=Village.objects.create(commune=places[1], name="Thôn Tây"))
    MemberFactory(team=dong, full_name="Nguyễn Văn An", phone="+84912345678")
    rows = [
        ["Trần Thị Hoà", "0912 345 679", "Thành viên", "", "Thôn Đông", "Xã Tân Lập"],
        ["Nguyễn Văn An", "0912 345 678", "Thành viên", "", "Thôn Tây", "Xã Tân Lập"],
    ]

    plan = import_file(roster_xlsx(rows), "roster.xlsx", scope_for(officer), user=officer)

    assert [(e.row, e.message) for e in plan.errors] == [
        (
            7,
            "Số điện thoại +84912345678 là của Nguyễn Văn An thuộc Tổ công nghệ số Thôn Đông: "
            "mỗi người chỉ ở một tổ.",
        )
    ]
    assert list(dong.members.values_list("full_name", flat=True)) == ["Nguyễn Văn An"]


def test_a_second_leader_while_the_current_one_stays_is_an_error(officer, places):
    village = Village.objects.create(commune=places[1], name="Thôn Đông")
    team = TeamFactory(village=village)
    MemberFactory(team=team, full_name="Ngô Văn Cũ", role=Member.TeamRole.LEADER)
    rows = [["Lý Văn Mới", "0912 345 678", "Tổ trưởng", "", "Thôn Đông", "Xã Tân Lập"]]

    plan = plan_file(roster_xlsx(rows), "roster.xlsx", scope_for(officer))

    assert [(e.row, e.message) for e in plan.errors] == [
        (
            6,
            f"{team.name} đang do Ngô Văn Cũ làm tổ trưởng: hãy ghi người đó là Thành viên trong tệp, "
            "hoặc ghi người này là Tổ phó.",
        )
    ]


def test_a_whole_import_is_rolled_back_when_writing_fails(officer, places, monkeypatch):
    from teams.models import history

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # The history is written last, after villages, teams and members.
    monkeypatch.setattr(history, "write", broken)
    with pytest.raises(RuntimeError):
        import_file(roster_xlsx(messy_rows()), "roster.xlsx", scope_for(officer), user=officer)
    assert Member.objects.count() == Village.objects.count() == Team.objects.count() == 0


def test_a_village_list_creates_and_updates_villages(officer, places):
    Village.objects.create(commune=places[1], name="Thôn Đông", population=900)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["UBND XÃ TÂN LẬP"])
    sheet.append(["DANH SÁCH THÔN, TỔ DÂN PHỐ"])
    sheet.append(["STT", "Tên thôn", "Dân số"])
    sheet.append([1, "thon dong", "1.250"])
    sheet.append([2, "Tổ dân phố 5", 800])
    sheet.append(["Cộng", "", 2050])

    plan = import_file(workbook_bytes(workbook), "thon.xlsx", scope_for(officer), kind="villages")

    assert plan.summary()["totals"] == {"new": 1, "updated": 1, "unchanged": 0, "skipped": 1, "errors": 0}
    assert sorted(Village.objects.values_list("name", "population", "kind")) == [
        ("Thôn Đông", 1250, "thon"),
        ("Tổ dân phố 5", 800, "to_dan_pho"),
    ]


def test_dates_as_text_or_excel_dates_are_read(officer):
    rows = [
        [
            "Nguyễn Văn An",
            "0912 345 678",
            "Tổ trưởng",
            "Thôn Đông",
            "15/03/2023",
            datetime.datetime(2023, 3, 1),  # noqa: DTZ001  (a spreadsheet date has no time zone)
        ]
    ]
    header = ["STT", "Họ và tên", "SĐT", "Chức vụ trong tổ", "Thôn", "Ngày tham gia", "Ngày quyết định"]

    import_file(roster_xlsx(rows, header=header), "roster.xlsx", scope_for(officer), user=officer)

    member = Member.objects.get()
    assert member.joined_on == datetime.date(2023, 3, 15)
    assert member.team.decision_date == datetime.date(2023, 3, 1)
    assert member.team.commune.name == "Xã Tân Lập"  # from the title line and the officer's commune


def test_a_vni_sheet_is_converted_and_the_preview_says_so(officer):
    rows = [
        ["Nguyễn Văn Đức", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
        ["Phạm Thị Thuỷ", "0912 345 679", "Thành viên", "Hội Phụ nữ", "Thôn Đông", "Xã Tân Lập"],
        ["Đặng Quốc Việt", "0912 345 680", "Thành viên", "Công an xã", "Thôn Đông", "Xã Tân Lập"],
    ]
    header = [
        "STT",
        "Họ và tên",
        "SĐT",
        "Chức vụ trong tổ",
        "Đơn vị công tác",
        "Thôn/Tổ dân phố",
        "Xã/Phường",
    ]
    vni = [[encode_vni(cell) for cell in row] for row in rows]
    data = roster_xlsx(vni, header=[encode_vni(text) for text in header], encode=encode_vni)

    plan = import_file(data, "mien nam.xlsx", scope_for(officer), user=officer)

    assert plan.ok, plan.errors
    assert plan.summary()["sheets"][0]["converted_from"] == "VNI (VNI-Times)"
    assert sorted(Member.objects.values_list("full_name", flat=True)) == [
        "Nguyễn Văn Đức",
        "Phạm Thị Thuỷ",
        "Đặng Quốc Việt",
    ]


def test_cells_left_blank_take_the_defaults_of_a_member_added_by_hand(officer, clock):
    rows = [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
        ["Trần Thị Hoà", None, None, None, "Thôn Đông", "Xã Tân Lập"],  # no phone, role, workplace
    ]

    import_file(roster_xlsx(rows), "roster.xlsx", scope_for(officer), user=officer)

    fields = ["phone", "role", "organisation", "gender", "birth_year", "joined_on", "left_on"]
    fields += ["training_status", "publish_phone", "user"]
    hoa = Member.objects.values(*fields).get(full_name="Trần Thị Hoà")
    by_hand = Member(full_name="Trần Thị Hoà")
    assert hoa == {name: getattr(by_hand, Member._meta.get_field(name).attname) for name in fields}
    assert hoa["joined_on"] == datetime.date(2026, 12, 1)  # the day of the import (the clock's)
    an = Member.objects.get(full_name="Nguyễn Văn An")
    assert (an.phone, an.role, an.organisation, an.team_id) == (
        "+84912345678",
        Member.TeamRole.LEADER,
        Member.Organisation.VILLAGE_OFFICE,
        Member.objects.get(full_name="Trần Thị Hoà").team_id,
    )
    assert sorted(TeamEvent.objects.values_list("kind", "detail", "happened_on", "member__full_name")) == [
        ("founded", "12/QĐ-UBND", datetime.date(2023, 3, 10), None),  # the decision in the title lines
        ("member_joined", "thành viên", datetime.date(2026, 12, 1), "Trần Thị Hoà"),
        ("member_joined", "tổ trưởng", datetime.date(2026, 12, 1), "Nguyễn Văn An"),
    ]
