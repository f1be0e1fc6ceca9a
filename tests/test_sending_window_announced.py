"""Every page that announces a text says when it goes: "now" inside the sending window
(07:00-21:00 by default), otherwise when the outbox will let it out."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role
from messaging.models import Message, Purpose
from messaging.outbox import when_it_goes
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory
from tests.factories_trainings import SessionFactory, signed_up_through_the_pages
from trainings.registering import sign_up

pytestmark = pytest.mark.django_db

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
EVENING = datetime.datetime(2026, 11, 30, 21, 30, tzinfo=ICT)
MORNING = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=ICT)


@pytest.fixture(autouse=True)
def window(settings):
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "07:00", "21:00"


@pytest.fixture
def commune():
    return CommuneFactory(code="91001", province=ProvinceFactory(code="91"))


@pytest.mark.parametrize(
    ("moment", "vi", "en"),
    [
        (MORNING, "ngay bây giờ", "now"),
        (EVENING, "lúc 07:00 ngày mai (01/12)", "at 07:00 tomorrow (01/12)"),
        (EVENING.replace(day=1, hour=5), "lúc 07:00 hôm nay (01/11)", "at 07:00 today (01/11)"),
    ],
)
def test_the_words_follow_the_window_in_both_languages(moment, vi, en):
    with time_machine.travel(moment, tick=False):
        with translation.override("vi"):
            assert when_it_goes() == vi
        with translation.override("en"):
            assert when_it_goes() == en


@pytest.mark.parametrize(("moment", "expected"), [(EVENING, "at 07:00 tomorrow (01/12)"), (MORNING, "now")])
def test_the_page_after_signing_up_says_when_the_confirmation_goes(client, commune, moment, expected):
    with time_machine.travel(moment, tick=False):
        session = SessionFactory(commune=commune, starts_at=timezone.now() + datetime.timedelta(days=5))
        signed_up = signed_up_through_the_pages(client, session, language="en")
        page = client.get(signed_up["Location"]).content.decode()
    assert f"We text you a confirmation {expected} and reminders" in page
    assert "right away" not in page
    assert Message.objects.filter(training_link__kind="confirmation").count() == 1


def test_an_invitation_after_the_window_says_it_goes_in_the_morning(client, commune):
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    form = {
        "full_name": "Lê Thị Mai",
        "phone": "0912 345 678",
        "role": Role.TEAM_LEADER,
        "commune": commune.pk,
        "language": "vi",
    }
    with time_machine.travel(EVENING, tick=False):
        page = client.post(reverse("invite_by_sms"), form, follow=True).content.decode()
    assert "Lời mời gửi Lê Thị Mai: tin nhắn sẽ đi lúc 07:00 ngày mai (01/12)." in page
    assert "Đã gửi lời mời" not in page
    assert Message.objects.filter(purpose=Purpose.INVITATION).count() == 1


def test_the_bulk_preview_says_when_an_immediate_text_goes(client, commune):
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    with time_machine.travel(EVENING, tick=False):
        session = SessionFactory(commune=commune, starts_at=timezone.now() + datetime.timedelta(days=5))
        sign_up(session, full_name="Người A", phone="+84912000001", language="vi")
        evening = client.get(f"/vi/team/trainings/{session.pk}/cancel/").content.decode()
    with time_machine.travel(MORNING + datetime.timedelta(days=1), tick=False):
        morning = client.get(f"/vi/team/trainings/{session.pk}/cancel/").content.decode()
    assert "gửi lúc 07:00 ngày mai (01/12)" in evening
    assert "gửi ngay bây giờ" not in evening
    assert "gửi ngay bây giờ" in morning
