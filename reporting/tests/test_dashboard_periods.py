"""The dashboards' period picker: any past month, quarter or year, compared with the period before."""

import datetime

import pytest
import time_machine

from reporting.dashboard_periods import parse_period
from tests.factories_teams import LogFactory
from tests.pages import figures, visible_text
from tests.world.monthly import ICT, build

pytestmark = pytest.mark.django_db

TENTH_OF_DECEMBER = datetime.datetime(2026, 12, 10, 9, 0, tzinfo=ICT)


@pytest.fixture
def land():
    with time_machine.travel(TENTH_OF_DECEMBER, tick=False):
        land = build()  # November 2026: Bát Tràng 12 citizens helped, Đa Tốn 7, Tả Van 3
        team = land["a"].teams.get()
        LogFactory(team=team, held_on=datetime.date(2026, 10, 3), citizens_helped=5)
        LogFactory(team=team, held_on=datetime.date(2025, 11, 3), citizens_helped=4)
        yield land


@pytest.mark.parametrize(
    ("period", "shown", "before"),
    [
        ("2026-11", "19", "Kỳ trước (10/2026): 1 buổi (+100 %), 5 người dân được hỗ trợ (+280 %)."),
        ("2026-Q4", "24", "Kỳ trước (quý 3/2026): 0 buổi, 0 người dân được hỗ trợ."),
        ("2025", "4", "Kỳ trước (năm 2024): 0 buổi, 0 người dân được hỗ trợ."),
    ],
)
def test_the_province_officer_picks_a_month_a_quarter_or_a_year(client, land, period, shown, before):
    client.force_login(land["province"])
    with time_machine.travel(TENTH_OF_DECEMBER, tick=False):
        page = client.get("/vi/dashboard/province/91/", {"period": period}).content.decode()
    assert figures(page)[3][0] == shown
    assert before in visible_text(page)
    assert f'<option value="{period}" selected>' in page


def test_a_commune_officer_compares_their_commune_only(client, land):
    client.force_login(land["commune_a"])
    with time_machine.travel(TENTH_OF_DECEMBER, tick=False):
        page = client.get("/vi/dashboard/commune/91001/", {"period": "2026-11"}).content.decode()
    assert figures(page)[3][0] == "12"
    assert "Kỳ trước (10/2026): 1 buổi (0 %), 5 người dân được hỗ trợ (+140 %)." in visible_text(page)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2027", "“2027” chưa bắt đầu"),
        ("abc", "“ABC” không phải là một kỳ"),
        ("2026-Q5", "không phải là một kỳ"),
    ],
)
def test_a_period_that_cannot_be_shown_says_so_and_shows_the_last_12_months(client, land, typed, message):
    client.force_login(land["province"])
    with time_machine.travel(TENTH_OF_DECEMBER, tick=False):
        page = client.get("/vi/dashboard/province/91/", {"period": typed}).content.decode()
    assert message in visible_text(page)
    assert figures(page)[3][0] == "24"  # 12 + 7 in November, 5 in October


def test_a_running_period_is_compared_with_as_many_months_before_it():
    year = parse_period("2026", today=datetime.date(2026, 6, 15))
    assert (year.months[0], year.months[-1]) == (datetime.date(2026, 1, 1), datetime.date(2026, 6, 1))
    before = year.previous()
    assert (before.months[0], before.months[-1]) == (datetime.date(2025, 1, 1), datetime.date(2025, 6, 1))
    quarter = parse_period("2026-q1", today=datetime.date(2026, 6, 15)).previous()
    assert [m.month for m in quarter.months] == [10, 11, 12]
    assert quarter.first.year == 2025
