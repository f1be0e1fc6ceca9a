"""Issue 20: a roster preview must not say who holds a number outside the officer's communes. A
commune officer uploading made-up numbers learns only that a number is taken elsewhere, and a
file probing many numbers is refused with one message, not answered row by row."""

import pytest

from accounts.scopes import scope_for
from places.models import Village
from rosters.importing import plan_file
from teams.roster_kinds.plan import OUTSIDE_ROWS_LIMIT
from tests.factories_rosters import commune_officer, roster_xlsx
from tests.factories_teams import MemberFactory, TeamFactory

pytestmark = pytest.mark.django_db


def lao_cai_members(places, count):
    """`count` members of a team in Xã Yên Lạc (Lào Cai), phones 0903 000 001…"""
    team = TeamFactory(
        name="Tổ công nghệ số Ấp Mỹ Thị", village=Village.objects.create(commune=places[3], name="Ấp Mỹ Thị")
    )
    return [
        MemberFactory(team=team, full_name=f"Trịnh Quang Khánh {n}", phone=f"+84903000{n:03d}")
        for n in range(1, count + 1)
    ]


def probe(numbers):
    return [[f"Người {n}", f"0903 000 {n:03d}", "Thành viên", "", "Thôn Đông", "Xã Tân Lập"] for n in numbers]


def everything_said(plan):
    return " ".join([plan.file_error, *(e.message for e in plan.errors), *(w.message for w in plan.warnings)])


def test_a_number_held_in_another_province_is_reported_without_name_team_or_place(places):
    officer = commune_officer(places[1])
    lao_cai_members(places, 1)

    plan = plan_file(roster_xlsx(probe([1, 2])), "roster.xlsx", scope_for(officer))

    assert [e.message for e in plan.errors] == [
        "Số điện thoại +84903000001 đã thuộc một tổ ngoài các xã của bạn: hãy hỏi cấp tỉnh."
    ]
    said = everything_said(plan)
    for secret in ("Trịnh Quang Khánh", "Ấp Mỹ Thị", "Yên Lạc", "Lào Cai"):
        assert secret not in said


def test_a_file_probing_many_numbers_is_refused_with_one_message(places):
    officer = commune_officer(places[1])
    lao_cai_members(places, 10)

    plan = plan_file(roster_xlsx(probe(range(1, 100))), "roster.xlsx", scope_for(officer))

    assert plan.file_error.startswith(f"Hơn {OUTSIDE_ROWS_LIMIT} số điện thoại trong tệp")
    assert not [e for e in plan.errors if "0903000" in e.message or "+84903" in e.message]
    assert "Trịnh Quang Khánh" not in everything_said(plan)
    assert not plan.ok


def test_a_number_held_in_the_officers_own_commune_still_names_its_team(places):
    """Inside her units nothing is hidden: the message helps her fix the file."""
    officer = commune_officer(places[1])
    dong = TeamFactory(village=Village.objects.create(commune=places[1], name="Thôn Bắc"))
    MemberFactory(team=dong, full_name="Nguyễn Văn An", phone="+84903000001")

    plan = plan_file(roster_xlsx(probe([1])), "roster.xlsx", scope_for(officer))

    assert "Nguyễn Văn An" in plan.errors[0].message
