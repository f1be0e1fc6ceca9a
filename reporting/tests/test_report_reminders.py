"""Reminders to commune officers whose report is not in: 3 days and 1 day before the deadline
(5 December, 23:59) and the day after, at most one a day, through the outbox's sending window."""

import datetime

import pytest
import time_machine

from accounts.models import Role
from messaging.models import Message, Purpose
from messaging.outbox import when_it_goes
from reporting.monthly import workflow
from reporting.monthly.reminders import send_report_reminders
from tests.world import officer
from tests.world.monthly import ICT, NOVEMBER, OFFICER_A_PHONE, build, staffed

pytestmark = pytest.mark.django_db

B_PHONE = "+84912000002"
TWO_COMMUNES_PHONE = "+84912000003"


def at(day, hour=8):
    return datetime.datetime(2026, 12, day, hour, 0, tzinfo=ICT)


@pytest.fixture
def land():
    with time_machine.travel(at(1), tick=False) as clock:
        land = build()
        b_officer = officer(Role.COMMUNE_OFFICER, phone=B_PHONE, commune=land["b"])
        workflow.submit(workflow.commune_report(land["b"], NOVEMBER, create=True), b_officer)
        staffed(land, "d")
        staffed(land, "e")
        both = officer(Role.COMMUNE_OFFICER, phone=TWO_COMMUNES_PHONE, language="en", commune=land["d"])
        RoleAssignment = both.role_assignments.model
        RoleAssignment.objects.create(user=both, role=Role.COMMUNE_OFFICER, commune=land["e"])
        land["clock"] = clock
        yield land


def texts(phone):
    return list(Message.objects.filter(recipient=phone).order_by("pk"))


def test_three_days_one_day_before_and_the_day_after_once_a_day(land):
    sent_days = []
    for day in range(1, 9):
        for hour in (0, 8, 15, 23):
            land["clock"].move_to(at(day, hour))
            send_report_reminders()
        if len(texts(OFFICER_A_PHONE)) > len(sent_days):
            sent_days.append(day)
            assert len(texts(OFFICER_A_PHONE)) == len(sent_days)  # one a day, however often the task runs
    assert sent_days == [2, 4, 6]
    two_days, one_day, overdue = (message.body for message in texts(OFFICER_A_PHONE))
    assert two_days.startswith(
        "Báo cáo tháng 11/2026 của Xã Bát Tràng cần nộp trước 23:59 05/12, còn 3 ngày. "
    )
    assert "còn 1 ngày" in one_day
    assert "đã quá hạn nộp" in overdue
    assert all(message.purpose == Purpose.REMINDER for message in texts(OFFICER_A_PHONE))
    assert texts(B_PHONE) == []  # Đa Tốn's report is in


def test_an_officer_of_two_communes_gets_one_text_naming_both_in_their_language(land):
    land["clock"].move_to(at(2))
    send_report_reminders()
    (message,) = texts(TWO_COMMUNES_PHONE)
    assert message.body.startswith("The report for 11/2026 of Xã Cổ Bi, Xã Phù Đổng is due by")


def test_a_reminder_made_at_night_waits_for_the_sending_window(land):
    land["clock"].move_to(at(2, 0))
    send_report_reminders()
    (message,) = texts(OFFICER_A_PHONE)
    assert message.state == "scheduled"
    assert "07:00" in when_it_goes(message.due_at)


def test_no_reminder_for_a_report_marked_no_report_or_a_commune_merged_away(land):
    land["clock"].move_to(at(1, 9))
    workflow.mark_no_report(
        workflow.commune_report(land["a"], NOVEMBER, create=True),
        land["province"],
        "Xã đang sáp nhập, chưa có cán bộ.",
    )
    land["e"].ceased_on = datetime.date(2026, 11, 20)
    land["e"].save()
    land["clock"].move_to(at(2))
    send_report_reminders()
    assert texts(OFFICER_A_PHONE) == []
    (message,) = texts(TWO_COMMUNES_PHONE)
    assert "Xã Phù Đổng" not in message.body
