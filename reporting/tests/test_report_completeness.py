"""Completeness and timeliness as DHIS2 shows them, with late, missing and merged communes.

November 2026 is due on 5 December at 23:59 (Vietnam time). In province 91: Bát Tràng submits on
the 3rd (on time), Đa Tốn on the 6th (late), Cổ Bi never (missing, late once the deadline passed),
Phù Đổng is returned after an on-time submission and sent again late (still on time: the first
submission counts), Kim Sơn merged into Bát Tràng on 15 November (expected in October, not in
November), and Gia Lâm Mới was formed on 20 November (expected in November).
"""

import datetime
import re

import pytest
import time_machine

from accounts.models import Role
from reporting.monthly import workflow
from reporting.monthly.completeness import completeness
from tests.factories import CommuneFactory
from tests.pages import visible_text
from tests.world import officer
from tests.world.monthly import ICT, NOVEMBER, build, month_page, staffed

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2026, 10, 1)


def at(day, hour=10, minute=0):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=ICT)


@pytest.fixture
def province():
    with time_machine.travel(at(1, 8), tick=False) as clock:
        land = build()
        north = land["north"]
        units = {key: land[key] for key in ("a", "b")}
        units["cobi"] = staffed(land, "d")
        units["phudong"] = staffed(land, "e")
        CommuneFactory(code="91005", province=north, name="Xã Kim Sơn", ceased_on=datetime.date(2026, 11, 15))
        CommuneFactory(
            code="91006", province=north, name="Xã Gia Lâm Mới", began_on=datetime.date(2026, 11, 20)
        )
        officers = {key: officer(Role.COMMUNE_OFFICER, commune=unit) for key, unit in units.items()}
        reports = {key: workflow.commune_report(unit, NOVEMBER, create=True) for key, unit in units.items()}

        def submit(key, moment):
            clock.move_to(moment)
            workflow.submit(reports[key], officers[key])

        submit("a", at(3))
        submit("phudong", at(5, 23, 59))  # within the deadline's minute
        clock.move_to(at(6, 9))
        workflow.return_report(reports["phudong"], land["province"], "Thiếu số liệu thôn Đông, xin bổ sung.")
        submit("phudong", at(7))
        submit("b", at(6, 0, 1))
        clock.move_to(at(8))
        yield land


def test_the_province_counts_expected_submitted_approved_and_on_time(province):
    (north,) = completeness(NOVEMBER, ["91"])
    names = [commune.name for commune in north.communes]
    assert "Xã Kim Sơn" not in names  # merged away on 15 November
    assert "Xã Gia Lâm Mới" in names  # formed on 20 November, exists on the 30th
    assert (north.expected, north.submitted, north.approved, north.on_time) == (5, 3, 0, 2)
    assert sorted(c.name for c in north.late) == ["Xã Cổ Bi", "Xã Gia Lâm Mới", "Xã Đa Tốn"]
    assert north.completeness_rate == 60.0
    assert north.timeliness_rate == 40.0


def test_a_commune_is_expected_in_the_months_it_existed_on_their_last_day(province):
    (north,) = completeness(OCTOBER, ["91"])
    names = {commune.name for commune in north.communes}
    assert "Xã Kim Sơn" in names
    assert "Xã Gia Lâm Mới" not in names
    assert north.expected == 5


def test_before_the_deadline_nobody_who_has_not_submitted_is_late(province):
    (north,) = completeness(NOVEMBER, ["91"], now=at(5, 12))
    assert [c.name for c in north.late] == ["Xã Đa Tốn"]  # its first submission came after, as stored


def test_the_deadline_is_a_setting(province, settings):
    settings.REPORT_DEADLINE_DAY = 10
    (north,) = completeness(NOVEMBER, ["91"])
    assert north.on_time == 3
    assert [c.name for c in north.late] == []


def test_the_province_page_lists_who_is_late_first_and_the_others_by_state(client, province):
    client.force_login(province["province"])
    page = visible_text(client.get(month_page("province", "91")).content.decode())
    assert "Phải nộp 5 Đã nộp 3 60,0 % Đã duyệt 0 Đúng hạn 2 40,0 %" in page
    communes = page.split("Xã, phường", 1)[1]
    late, submitted = communes.split("Trễ hạn (2)", 1)[1].split("Đã nộp (3)", 1)
    assert "Xã Cổ Bi : chưa nộp" in late
    assert "Xã Gia Lâm Mới : chưa nộp" in late
    assert "Xã Bát Tràng" not in late
    assert "Xã Bát Tràng : nộp lần đầu lúc 10:00 03/12/2026 Xã" in submitted
    # Submitted late, it waits for the province with the others, marked late.
    assert "Xã Đa Tốn : nộp lần đầu lúc 00:01 06/12/2026 · trễ hạn" in submitted


def test_a_long_group_of_communes_is_one_line_with_its_count_until_opened(client, province):
    for number in range(10):
        CommuneFactory(code=f"9101{number}", province=province["north"], name=f"Xã Mới {number}")
    client.force_login(province["province"])
    page = client.get(month_page("province", "91")).content.decode()
    # 12 late communes on a phone would push the rest of the page away; 3 submitted would not.
    assert re.search(
        r'<details class="units" id="communes-late">\s*<summary><strong>Trễ hạn</strong> \(12\)', page
    )
    assert '<details class="units" id="communes-submitted" open>' in page


def test_the_country_page_puts_the_provinces_with_most_late_communes_first(client, province):
    for number in range(3):
        CommuneFactory(code=f"9200{number + 2}", province=province["south"], name=f"Xã Lào Cai {number}")
    client.force_login(province["national"])
    country = visible_text(client.get("/vi/dashboard/month/2026-11/country/").content.decode())
    provinces = country.split("Tỉnh, thành phố", 1)[1]
    assert provinces.index("Tỉnh Lào Cai : 0/4 đã nộp, 4 trễ hạn") < provinces.index(
        "Thành phố Hà Nội : 3/5 đã nộp, 3 trễ hạn"
    )
    assert (
        "Thành phố Hà Nội : 3/5 đã nộp, 3 trễ hạn Phải nộp 5 Đã nộp 3 60,0 % Đã duyệt 0 Đúng hạn 2"
        in provinces
    )
