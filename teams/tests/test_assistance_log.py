"""A team leader logs a session on their phone: quick, kept when wrong, never twice."""

import datetime
import html
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting.models import CommuneMonth, CommuneMonthOutcome
from teams.models import AssistanceLog, OutcomeType, Service
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, account_of, leader_of
from tests.pages import says

pytestmark = pytest.mark.django_db

LOG_URL = "/vi/team/log/"


@pytest.fixture
def team():
    team = TeamFactory()
    MemberFactory.create_batch(2, team=team)
    return team


@pytest.fixture
def leader(team, client):
    user = leader_of(team)
    client.force_login(user)
    return user


def form_values(client, team):
    """What the form offers by default, as the browser would send it back."""
    page = client.get(LOG_URL, follow=True).content.decode()
    key = re.search(r'name="submission_key" value="([^"]+)"', page).group(1)
    return {
        "submission_key": key,
        "held_on": timezone.localdate().strftime("%d/%m/%Y"),
        "village": team.village_id,
        "attendees": list(team.members.values_list("pk", flat=True)),
        "citizens_helped": "14",
        "women_helped": "8",
        "over_60_helped": "3",
        "services": [Service.objects.get(code="vneid").pk],
        f"outcome_{OutcomeType.objects.get(code='vneid-level2').pk}": "6",
        "note": "Hỗ trợ tại nhà văn hoá",
    }


def test_leader_sees_their_team_and_the_log_button(leader, team, client):
    page = client.get("/vi/team/").content.decode()
    assert team.name in page
    assert "Ghi nhận buổi hỗ trợ" in page  # "Log a session", in Vietnamese first


def test_the_team_areas_button_opens_the_form_at_once_with_a_key_of_its_own(leader, team, client):
    """No redirect to mint the form's key first (issue 26): the button's address carries one."""
    buttons = [
        html.unescape(
            re.search(r'class="button big" href="([^"]+)"', client.get("/vi/team/").content.decode())[1]
        )
        for _visit in range(2)
    ]
    assert buttons[0] != buttons[1]  # each visit to the team area, a key of its own
    form = client.get(buttons[0])
    assert form.status_code == 200
    key = re.search(r'name="submission_key" value="([^"]+)"', form.content.decode())[1]
    assert f"key={key}" in buttons[0]


def test_the_form_starts_with_today_the_teams_village_and_nobody_ticked_as_present(leader, team, client):
    page = client.get(LOG_URL, follow=True).content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in page
    assert re.search(rf'<option value="{team.village_id}" selected>', page)
    for member in team.members.all():
        assert re.search(rf'<input type="checkbox" name="attendees" value="{member.pk}"', page)
        assert not re.search(rf'value="{member.pk}"[^>]*checked', page)
    assert "{#" not in page  # a developer's note once showed under the Save button


def test_logging_a_session_saves_it_with_its_outcomes_and_updates_the_monthly_totals(leader, team, client):
    values = form_values(client, team)
    response = client.post(LOG_URL, values)
    assert response.status_code == 302
    log = AssistanceLog.objects.get()
    assert (log.citizens_helped, log.women_helped, log.over_60_helped) == (14, 8, 3)
    assert log.attendees.count() == 3
    assert log.outcomes.get().count == 6
    month = CommuneMonth.objects.get(commune=team.commune)
    assert (month.sessions, month.citizens_helped) == (1, 14)
    assert CommuneMonthOutcome.objects.get(commune=team.commune).total == 6
    home = client.get("/vi/team/").content.decode()
    assert says(home, "14 người dân được hỗ trợ")


def test_a_double_tap_makes_one_log(leader, team, client):
    values = form_values(client, team)
    client.post(LOG_URL, values)
    second = client.post(LOG_URL, values)
    assert "Buổi hỗ trợ này đã được lưu rồi" in second.content.decode()
    assert AssistanceLog.objects.count() == 1
    assert CommuneMonth.objects.get().sessions == 1


def test_back_then_save_makes_one_log_and_says_it_was_already_saved(leader, team, client):
    form_page = client.get(LOG_URL, follow=True)
    address = form_page.redirect_chain[-1][0]  # the form's own address, carrying its one-time key
    values = form_values(client, team)
    values["submission_key"] = re.search(
        r'name="submission_key" value="([^"]+)"', form_page.content.decode()
    )[1]
    assert client.post(address, values).status_code == 302
    log = AssistanceLog.objects.get()

    back = client.get(address)  # what the Back button re-opens
    page = back.content.decode()
    assert "Buổi hỗ trợ này đã được lưu rồi" in page
    assert 'name="submission_key"' not in page  # no fresh form to save twice
    assert reverse("teams:correct_log", args=[log.pk]) in page
    again = client.post(address, values)  # Save pressed on the page the browser kept
    assert "Buổi hỗ trợ này đã được lưu rồi" in again.content.decode()
    assert AssistanceLog.objects.count() == 1
    assert CommuneMonth.objects.get().sessions == 1

    another = client.get(LOG_URL, follow=True)  # "Log another session" gives a new key
    assert 'name="submission_key"' in another.content.decode()
    assert another.redirect_chain[-1][0] != address


def test_a_key_of_another_teams_log_shows_nothing_of_it(leader, team, client):
    foreign = LogFactory(submission_key=uuid.uuid4(), citizens_helped=77)
    page = client.get(f"{LOG_URL}?team={team.pk}&key={foreign.submission_key}").content.decode()
    assert "đã được lưu rồi" in page
    assert not says(page, "77")
    assert reverse("teams:correct_log", args=[foreign.pk]) not in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"citizens_helped": "-3"}, "citizens_helped", "Số lượng không thể âm."),
        ({"citizens_helped": "99999"}, "citizens_helped", "Không buổi nào hỗ trợ quá 2000 người"),
        ({"women_helped": "40"}, "women_helped", "không thể nhiều hơn số người dân được hỗ trợ"),
        ({"held_on": "01/01/2099"}, "held_on", "không thể ở tương lai"),
        ({"held_on": "01/01/2020"}, "held_on", "Tổ được thành lập ngày 10/01/2023"),
        (
            {
                "citizens_helped": "5",
                "women_helped": "",
                "over_60_helped": "",
                "services": [],
                "outcome": "50",
            },
            "services",
            "Hãy đánh dấu ít nhất một dịch vụ",
        ),
        (
            {"citizens_helped": "5", "women_helped": "", "over_60_helped": "", "outcome": "50"},
            "outcome",
            "không thể nhiều hơn số người dân được hỗ trợ (5)",
        ),
        ({"services": [], "outcome": "6"}, "outcome", "Hãy đánh dấu cả dịch vụ"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_what_was_typed_is_kept(
    leader, team, client, changes, field, message
):
    values = form_values(client, team) | changes
    if "outcome" in values:
        values[f"outcome_{OutcomeType.objects.get(code='vneid-level2').pk}"] = values.pop("outcome")
    if not values["services"] and field == "outcome":  # another service ticked, not the outcome's
        values["services"] = [Service.objects.exclude(code="vneid").first().pk]
    response = client.post(LOG_URL, values)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Hỗ trợ tại nhà văn hoá" in page  # the note typed is still there
    assert AssistanceLog.objects.count() == 0


def test_a_member_of_another_team_cannot_be_ticked_present(leader, team, client):
    stranger = MemberFactory()
    values = form_values(client, team) | {"attendees": [stranger.pk]}
    response = client.post(LOG_URL, values)
    assert "Chỉ có thể đánh dấu thành viên của tổ này" in response.content.decode()
    assert AssistanceLog.objects.count() == 0


@pytest.mark.parametrize("field", ["village", "services"])
def test_another_communes_village_or_provinces_service_is_refused(leader, team, client, field):
    other_team = TeamFactory()  # a commune of another province, with its own service
    other = {
        "village": other_team.village_id,
        "services": [
            Service.objects.create(
                code="laocai-app",
                name_vi="Lào Cai số",
                name_en="Lao Cai app",
                province=other_team.commune.province,
            ).pk
        ],
    }
    response = client.post(LOG_URL, form_values(client, team) | {field: other[field]})
    assert response.status_code == 400
    assert "Lựa chọn này nằm ngoài địa bàn bạn quản lý." in response.content.decode()
    assert AssistanceLog.objects.count() == 0


def test_a_leader_cannot_log_for_a_team_not_theirs(leader, team, client):
    other = TeamFactory()
    values = form_values(client, team)
    response = client.post(f"{LOG_URL}?team={other.pk}", values)
    assert response.status_code == 403
    assert "chỉ cho tổ của mình" in response.content.decode()
    assert AssistanceLog.objects.count() == 0


def test_a_plain_member_cannot_log(team, client):
    client.force_login(account_of(MemberFactory(team=team)))  # signed in, a member but not the leader

    for asked in (client.get(LOG_URL), client.post(LOG_URL + f"?team={team.pk}", {"citizens_helped": 3})):
        assert asked.status_code == 403
        assert says(asked.content.decode(), "Chỉ tổ trưởng mới ghi nhận buổi hỗ trợ, và chỉ cho tổ của mình.")
    assert not AssistanceLog.objects.exists()


def test_leader_corrects_a_log_within_seven_days_and_the_totals_follow(leader, team, client):
    log = LogFactory(team=team, held_on=timezone.localdate(), created_by=leader, submission_key=uuid.uuid4())
    from reporting.summaries import refresh_commune_months
    from teams.activity import month_start

    refresh_commune_months([(team.commune_id, month_start(log.held_on))])
    values = {
        "held_on": log.held_on.strftime("%d/%m/%Y"),
        "village": team.village_id,
        "citizens_helped": "25",
        "services": [Service.objects.get(code="vneid").pk],
    }
    response = client.post(reverse("teams:correct_log", args=[log.pk]), values)
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.citizens_helped == 25
    assert CommuneMonth.objects.get().citizens_helped == 25


def test_after_seven_days_only_an_officer_can_correct(leader, team, client):
    log = LogFactory(team=team, held_on=timezone.localdate() - datetime.timedelta(days=10))
    AssistanceLog.objects.filter(pk=log.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    response = client.get(reverse("teams:correct_log", args=[log.pk]))
    assert response.status_code == 403
    assert says(response.content.decode(), "7 ngày")


def test_moving_a_log_to_another_month_updates_both_months(leader, team, client):
    today = timezone.localdate()
    earlier = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
    values = form_values(client, team) | {"held_on": earlier.strftime("%d/%m/%Y")}
    client.post(LOG_URL, values)
    log = AssistanceLog.objects.get()
    client.post(
        reverse("teams:correct_log", args=[log.pk]),
        {
            "held_on": today.strftime("%d/%m/%Y"),
            "village": team.village_id,
            "citizens_helped": "9",
            "services": values["services"],
        },
    )
    months = dict(CommuneMonth.objects.values_list("month", "citizens_helped"))
    assert months == {earlier.replace(day=1): 0, today.replace(day=1): 9}


def test_a_logged_session_is_not_written_to_wagtails_reference_index(leader, team, client):
    """The submit stays light at national scale: no usage row per log (teams/models/logs.py)."""
    from wagtail.models import ReferenceIndex

    before = ReferenceIndex.objects.count()
    assert client.post(LOG_URL, form_values(client, team)).status_code == 302
    assert AssistanceLog.objects.count() == 1
    assert ReferenceIndex.objects.count() == before


# Opening the form (issue 26): the session and user (2), the staff check (1), the leader's team,
# the key's log, the outcome types and the officer's scope (the header needs nothing more about
# the person's teams), then each list of choices read once (villages, services, members present).
OPEN_FORM_QUERIES = 10


def test_opening_the_form_reads_each_list_of_choices_once(leader, team, client, django_assert_num_queries):
    address = client.get(LOG_URL)["Location"]
    with django_assert_num_queries(OPEN_FORM_QUERIES):
        page = client.get(address).content.decode()
    assert page.count('name="village"') == 1
    assert page.count('name="attendees"') == team.members.current().count()
