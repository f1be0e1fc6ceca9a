"""A leader who kept a month's tallies on paper types them at once: all rows saved or none."""

import datetime
import re

import pytest

from reporting.models import CommuneMonth
from teams.models import AssistanceLog, OutcomeType, Service
from tests.factories import VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of
from tests.pages import says

pytestmark = pytest.mark.django_db

MONTH_URL = "/vi/team/log/month/"


@pytest.fixture
def team():
    team = TeamFactory()
    MemberFactory.create_batch(2, team=team)
    return team


@pytest.fixture
def leader(team, client, clock):
    user = leader_of(team)
    client.force_login(user)
    return user


def sheet(client, team, rows):
    """The page as the browser sends it back, with `rows` ({field: value} per row) typed in."""
    page = client.get(f"{MONTH_URL}?team={team.pk}").content.decode()
    total = int(re.search(r'name="form-TOTAL_FORMS" value="(\d+)"', page).group(1))
    values = {
        "form-TOTAL_FORMS": total,
        "form-INITIAL_FORMS": 0,
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 31,
    }
    for index in range(total):
        key = re.search(rf'name="form-{index}-submission_key" value="([^"]+)"', page).group(1)
        values[f"form-{index}-submission_key"] = key
        values[f"form-{index}-village"] = team.village_id
    for index, row in enumerate(rows):
        values.update({f"form-{index}-{name}": value for name, value in row.items()})
    return values


def vneid():
    return Service.objects.get(code="vneid").pk


def row(day, citizens, **more):
    """A row as a phone's date picker sends it (yyyy-mm-dd)."""
    return {"held_on": day, "citizens_helped": citizens, "services": [vneid()], **more}


def test_three_sessions_from_paper_are_saved_at_once_and_counted(leader, team, client):
    level2 = OutcomeType.objects.get(code="vneid-level2").pk
    values = sheet(
        client,
        team,
        [
            row("2026-11-03", 12, women_helped=7),
            row("2026-11-10", 8, **{f"outcome_{level2}": 5}),
            row("2026-11-24", 20, over_60_helped=9),
        ],
    )
    response = client.post(f"{MONTH_URL}?team={team.pk}", values, follow=True)
    page = response.content.decode()
    assert says(page, "Đã lưu 3 buổi.")
    logs = AssistanceLog.objects.order_by("held_on")
    assert [(log.held_on.day, log.citizens_helped) for log in logs] == [(3, 12), (10, 8), (24, 20)]
    assert logs[1].outcomes.get().count == 5
    assert logs[0].created_by == leader
    month = CommuneMonth.objects.get(commune=team.commune, month="2026-11-01")
    assert (month.sessions, month.citizens_helped, month.women_helped) == (3, 40, 7)


def test_one_wrong_row_saves_nothing_and_shows_every_row_as_typed(leader, team, client):
    values = sheet(
        client,
        team,
        [row("2026-11-03", 12), row("2026-11-10", 8, women_helped=9), row("2026-12-31", 20)],
    )
    response = client.post(f"{MONTH_URL}?team={team.pk}", values)
    assert response.status_code == 400
    page = response.content.decode()
    assert AssistanceLog.objects.count() == 0
    assert says(page, "Chưa lưu gì: kiểm tra các dòng 2, 3")
    row_two = re.search(r'id="row-2".*?</fieldset>', page, flags=re.S).group(0)
    assert says(row_two, "Số này không thể nhiều hơn số người dân được hỗ trợ (8).")
    row_three = re.search(r'id="row-3".*?</fieldset>', page, flags=re.S).group(0)
    assert says(row_three, "Ngày không thể ở tương lai.")
    row_one = re.search(r'id="row-1".*?</fieldset>', page, flags=re.S).group(0)
    assert 'value="12"' in row_one
    assert 'value="2026-11-03"' in row_one
    assert "aria-invalid" not in row_one
    assert 'value="2026-12-31"' in row_three


def test_empty_rows_are_skipped_and_an_empty_page_is_refused(leader, team, client):
    response = client.post(f"{MONTH_URL}?team={team.pk}", sheet(client, team, []))
    assert response.status_code == 400
    assert says(response.content.decode(), "Nhập ít nhất một buổi")
    assert AssistanceLog.objects.count() == 0


def test_the_same_page_posted_twice_adds_nothing(leader, team, client):
    values = sheet(client, team, [row("2026-11-03", 12), row("2026-11-04", 6)])
    client.post(f"{MONTH_URL}?team={team.pk}", values)
    page = client.post(f"{MONTH_URL}?team={team.pk}", values, follow=True).content.decode()
    assert AssistanceLog.objects.count() == 2
    assert says(page, "Các buổi này đã được lưu trước đó")
    assert CommuneMonth.objects.get(commune=team.commune, month="2026-11-01").sessions == 2


def test_probable_duplicates_are_flagged_not_refused(leader, team, client):
    LogFactory(team=team, held_on=datetime.date(2026, 11, 3))
    values = sheet(client, team, [row("2026-11-03", 12), row("2026-11-17", 4), row("2026-11-17", 5)])
    page = client.post(f"{MONTH_URL}?team={team.pk}", values, follow=True).content.decode()
    assert AssistanceLog.objects.count() == 4
    assert says(page, "cùng ngày và cùng thôn vào 03/11/2026, 17/11/2026")


def test_a_village_of_another_commune_is_refused_on_its_row(leader, team, client):
    elsewhere = VillageFactory()
    values = sheet(client, team, [row("2026-11-03", 12), row("2026-11-04", 6, village=elsewhere.pk)])
    response = client.post(f"{MONTH_URL}?team={team.pk}", values)
    assert response.status_code == 400
    assert AssistanceLog.objects.count() == 0
    row_two = re.search(r'id="row-2".*?</fieldset>', response.content.decode(), flags=re.S).group(0)
    assert "errorlist" in row_two


def test_a_member_who_leads_no_team_cannot_open_it(team, client, clock):
    member = MemberFactory(team=team)
    from tests.factories import UserFactory

    member.user = UserFactory(email=None, phone=member.phone)
    member.save()
    client.force_login(member.user)
    assert client.get(MONTH_URL).status_code == 403
    assert client.post(MONTH_URL, sheet_without_page(team)).status_code == 403
    assert AssistanceLog.objects.count() == 0


def sheet_without_page(team):
    return {
        "form-TOTAL_FORMS": 1,
        "form-INITIAL_FORMS": 0,
        "form-0-held_on": "03/11/2026",
        "form-0-village": team.village_id,
        "form-0-citizens_helped": 5,
        "form-0-services": [vneid()],
    }


def test_more_rows_on_request_up_to_a_month(leader, team, client):
    page = client.get(f"{MONTH_URL}?team={team.pk}&rows=40").content.decode()
    assert 'name="form-TOTAL_FORMS" value="31"' in page
    assert "form-30-held_on" in page
