"""Guards that could be broken with the whole suite green: each has a test here that fails when
its guard is taken away (the closing note lists how each was broken to watch it fail)."""

import time
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.models import TopicPage
from messaging.models import Message, MutedNumber, Purpose, State
from messaging.outbox import queue_sms
from messaging.sending import deliver_many
from teams.membership import LEADER_CORRECTION_DAYS, may_correct_log
from teams.models import AssistanceLog
from tests.factories_cms import add_guide, demo_guide, vietnamese_topic
from tests.factories_teams import LogFactory, TeamFactory, leader_of

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def open_all_day(settings):
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"


def _queued(count, purpose=Purpose.NOTICE):
    messages = [
        queue_sms(f"+8491234{n:04d}", f"Họp tổ lần {n}", purpose=purpose, idempotency_key=f"g{n}")
        for n in range(count)
    ]
    Message.objects.filter(pk__in=[m.pk for m in messages]).update(state=State.QUEUED)
    return [m.pk for m in messages]


def test_a_number_muted_after_its_text_was_queued_is_not_sent_at_send_time(fake_twilio, open_all_day):
    """Muting clears pending texts; but a STOP that lands while a batch is already queued is
    caught only by the check as the batch is sent."""
    [pk] = _queued(1)
    MutedNumber.objects.create(phone="+84912340000", reason="texted STOP")
    deliver_many([pk])
    assert Message.objects.get(pk=pk).state == State.MUTED
    assert fake_twilio.accepted == []


def test_the_most_texts_in_any_one_second_is_the_accounts_rate(
    fake_twilio, open_all_day, settings, monkeypatch
):
    """On a stopped clock that moves only when the sender waits: no real second passes."""
    settings.SMS_RATE_PER_SECOND, settings.SMS_SEND_THREADS = 4, 1
    ids = _queued(13)
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, 0, 500_000, tzinfo=HANOI), tick=False) as clock:
        monkeypatch.setattr(time, "sleep", lambda seconds: clock.shift(max(seconds, 0.001)))
        deliver_many(ids)
    per_second = Counter(int(text["at"]) for text in fake_twilio.accepted)
    assert sum(per_second.values()) == 13
    assert max(per_second.values()) == 4


def test_the_leaders_correction_window_ends_at_exactly_seven_days():
    team = TeamFactory()
    leader = leader_of(team)
    written = datetime(2026, 11, 20, 10, 0, tzinfo=HANOI)
    log = LogFactory(team=team, created_by=leader)
    AssistanceLog.objects.filter(pk=log.pk).update(created_at=written)
    log.refresh_from_db()
    last_day = written.date() + timedelta(days=LEADER_CORRECTION_DAYS - 1)
    assert may_correct_log(leader, log, today=last_day)
    assert not may_correct_log(leader, log, today=last_day + timedelta(days=1))


def test_a_draft_guide_never_takes_the_place_of_a_live_related_guide(client, home_pages):
    """Three related guides are picked among the topic's others: a draft among them would be
    dropped from the page, leaving a live guide out."""
    topic = (
        vietnamese_topic()
        .get_parent()
        .add_child(instance=TopicPage(title="Thanh toán số", slug="thanh-toan"))
    )
    shown = add_guide(topic, "Mở ví điện tử", slug="mo-vi")
    add_guide(topic, "Bản nháp chưa duyệt", slug="ban-nhap").unpublish()
    live = [add_guide(topic, f"Hướng dẫn thanh toán {n}", slug=f"thanh-toan-{n}") for n in (1, 2, 3)]
    page = client.get(shown.url).content.decode()
    assert "Bản nháp chưa duyệt" not in page
    assert all(guide.title in page for guide in live)


def test_an_alias_of_a_restricted_guide_is_restricted_too(client, home_pages):
    """An alias shows its original's content: the original's sign-in restriction goes with it."""
    guide = demo_guide()
    alias = guide.create_alias(parent=guide.get_parent(), update_slug="ban-sao-rieng")
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/vi/vneid/ban-sao-rieng/?cold")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert alias.alias_of_id == guide.pk
