""" "This week" on the team area: sessions to run, attendance to take, the monthly report's due
date, members not trained; each clears itself once done, at most ten show, overdue ones in red.
The clock stands at 09:00 on 1 December 2026 (tests/conftest.py: clock)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reporting.models import MonthlyReport
from teams import week
from teams.models import Member
from tests.factories_trainings import SessionFactory
from trainings.models import TrainingSession

pytestmark = pytest.mark.django_db


def session_in(world, days, **fields):
    start = (timezone.localtime() + timedelta(days=days)).replace(hour=14, minute=0)
    return SessionFactory(
        commune=world["a"],
        village=world["villages"]["a"],
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        **fields,
    )


def shown(team):
    return [(s.item.label, s.overdue) for s in week.this_week(team, timezone.localdate())]


def test_the_leader_sees_what_is_due_and_what_is_late_in_red(clock, world, client):
    session_in(world, 3)
    session_in(world, -4)  # held, no attendance taken: due two days later, so late
    session_in(world, 10)  # beyond the week: not yet
    client.force_login(world.person("leader"))
    page = client.get(reverse("teams:home")).content.decode()
    listed = page[page.index('id="this-week"') : page.index("</ul>", page.index('id="this-week"'))]
    assert listed.count("<li") == 4  # the session to run, the attendance, the report, the untrained member
    late = listed.split('<li class="overdue">')
    assert len(late) == 2
    assert "Điểm danh" in late[1].split("</li>")[0]
    assert "Quá hạn từ 29/11" in late[1]
    # The report's item opens the month form, where the month's paper sessions go in at once.
    assert f'<a href="{reverse("teams:log_month")}">Ghi đủ các buổi hỗ trợ tháng 11/2026' in listed


def test_a_plain_member_sees_no_week_whose_items_only_the_leader_can_open(clock, world, client):
    session_in(world, 3)
    client.force_login(world.person("member"))
    page = client.get(reverse("teams:home")).content.decode()
    assert 'id="this-week"' not in page


def test_items_clear_themselves_when_done(clock, world):
    team = world["teams"]["a"]
    held = session_in(world, -1)
    labels = [label for label, _ in shown(team)]
    assert any("Take attendance" in label or "Điểm danh" in label for label in labels)
    assert len(labels) == 3

    TrainingSession.objects.filter(pk=held.pk).update(status=TrainingSession.Status.HELD)
    Member.objects.filter(team=team).update(training_status=Member.TrainingStatus.TRAINED)
    MonthlyReport.objects.create(
        province=world["north"],
        commune=world["a"],
        month=timezone.localdate().replace(month=11),
        first_submitted_at=timezone.now(),
    )
    assert shown(team) == []


def test_the_monthly_report_shows_from_the_months_last_days_and_is_late_after_the_deadline(clock, world):
    team = world["teams"]["a"]
    Member.objects.filter(team=team).update(training_status=Member.TrainingStatus.TRAINED)
    ((label, late),) = shown(team)
    assert "11/2026" in label
    assert "05/12" in label
    assert not late
    clock.move_to(timezone.localtime().replace(day=6))
    ((label, late),) = shown(team)
    assert late
    clock.move_to(timezone.localtime().replace(day=20))
    MonthlyReport.objects.create(
        province=world["north"],
        commune=world["a"],
        month=timezone.localdate().replace(month=11, day=1),
        first_submitted_at=timezone.now(),
    )
    assert shown(team) == []
    clock.move_to(timezone.localtime().replace(day=28))
    ((label, late),) = shown(team)
    assert "12/2026" in label
    assert "05/01" in label


def test_at_most_ten_are_shown_soonest_first(clock, world):
    for days in range(1, 13):
        session_in(world, days % 7 or 1)
    items = week.this_week(world["teams"]["a"], timezone.localdate())
    assert len(items) == week.LIMIT == 10
    dues = [shown_item.item.due for shown_item in items]
    assert dues == sorted(dues)


def test_another_teams_sessions_are_not_on_the_list(clock, world):
    SessionFactory(commune=world["c"], village=world["villages"]["c"])
    session_in(world, 2, status=TrainingSession.Status.CANCELLED)
    labels = [label for label, _ in shown(world["teams"]["a"])]
    assert not any("Run" in label or "Tổ chức" in label for label in labels)
