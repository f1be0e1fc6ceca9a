"""What readers see: 1.028 and 52.800 đ in Vietnamese, 1,028 in English, phones 0912 345 678,
dates dd/mm/yyyy in Vietnam's time zone, the same on every page that shows them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from accounts.models import Role
from reporting.charts import ranked_bars
from reporting.summaries import refresh_commune_months
from teams.activity import month_start
from teams.models import Member
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of
from tests.factories_trainings import SessionFactory
from trainings.registering import enrol
from vietnamese import formats

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", ("1.028", "1.234.567", "8,5", f"52.800{NBSP}đ")),
        ("en", ("1,028", "1,234,567", "8.5", f"52,800{NBSP}đ")),
    ],
)
def test_numbers_and_money_in_each_language(language, expected):
    with translation.override(language):
        assert (
            formats.number(1028),
            formats.number(1234567),
            formats.number(8.5, 1),
            formats.money(52800),
        ) == expected
        assert formats.number(7) == "7"
        assert formats.number(None) == ""


def test_phones_and_dates():
    assert formats.phone("+84912000111") == "0912 000 111"
    assert formats.phone("not a phone") == "not a phone"
    assert formats.phone("") == ""
    late_evening_utc = datetime.datetime(
        2026, 11, 30, 18, 30, tzinfo=ZoneInfo("UTC")
    )  # 01:30 on 1/12 in Hà Nội
    assert formats.day(late_evening_utc) == "01/12/2026"
    assert formats.day(datetime.date(2026, 3, 5)) == "05/03/2026"


def test_dashboards_group_thousands_like_the_rest_of_the_page(client):
    commune = CommuneFactory(code="91001", province=ProvinceFactory(code="91"))
    team = TeamFactory(village=VillageFactory(commune=commune))
    MemberFactory(team=team, training_status=Member.TrainingStatus.TRAINED)
    this_month = month_start(timezone.localdate())
    LogFactory(team=team, held_on=timezone.localdate(), citizens_helped=1927)
    refresh_commune_months([(commune.pk, this_month)])
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    vi = client.get(f"/vi/dashboard/commune/{commune.code}/").content.decode()
    en = client.get(f"/en/dashboard/commune/{commune.code}/").content.decode()
    assert "<strong>1.927</strong>" in vi
    assert "1927" not in vi.replace('"1927"', "")
    assert "<strong>1,927</strong>" in en

    with translation.override("vi"):
        vi_chart = ranked_bars([("Thôn A", 1927, None)], "Người dân được hỗ trợ")
    with translation.override("en"):
        en_chart = ranked_bars([("Thôn A", 1927, None)], "Citizens helped")
    assert ">1.927</text>" in vi_chart
    assert ">1,927</text>" in en_chart
    assert '<td class="n">1.927</td>' in vi


def test_a_leader_sees_phone_numbers_as_people_write_them(client):
    commune = CommuneFactory(code="91001", province=ProvinceFactory(code="91"))
    team = TeamFactory(village=VillageFactory(commune=commune))
    member = MemberFactory(team=team, phone="+84912000111")
    leader = leader_of(team)
    session = SessionFactory(commune=commune, audience="members")
    enrol(session, [member])
    client.force_login(leader)
    page = client.get(f"/vi/team/trainings/{session.pk}/").content.decode()
    assert "0912 000 111" in page
    assert "+84912000111" not in page
