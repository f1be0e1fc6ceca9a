"""Sending through the real twilio client to the fake Twilio: retries, refusals, the window."""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from messaging import optout, window
from messaging.dispatch import dispatch_due, due_messages
from messaging.models import Message, Purpose, State
from messaging.outbox import is_muted, queue_sms
from messaging.sending import deliver

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PHONE = "+84912345678"


@pytest.fixture(autouse=True)
def open_all_day(settings):
    """The window is tested on its own below; elsewhere it must not depend on the hour tests run."""
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    settings.SMS_RETRY_BASE_SECONDS = 0


def notice(key="n1", phone=PHONE, body="Họp tổ lúc 8h sáng thứ Hai"):
    return queue_sms(phone, body, purpose=Purpose.NOTICE, idempotency_key=key)


def history(message):
    return [(e.from_state, e.to_state) for e in message.events.all()]


def test_a_due_message_is_sent_once_with_the_providers_id(fake_twilio):
    message = notice()
    assert dispatch_due() == 1
    assert dispatch_due() == 0
    message.refresh_from_db()
    assert message.state == State.SENT
    assert message.provider_message_id.startswith("SM")
    (sent,) = fake_twilio.bodies_to(PHONE)
    assert sent == optout.as_sent(message.body, message.recipient, message.purpose)
    assert sent.startswith("Họp tổ lúc 8h sáng thứ Hai")
    assert "/u/" in sent
    assert history(message) == [("", "scheduled"), ("scheduled", "queued"), ("queued", "sent")]
    assert '"sid"' in message.events.last().provider_answer


def test_500s_then_success_is_retried_and_sent_once(fake_twilio):
    fake_twilio.fail(PHONE, 500, 503)
    message = notice()
    for _ in range(3):
        dispatch_due()
    message.refresh_from_db()
    assert message.state == State.SENT
    assert message.attempts == 3
    assert len(fake_twilio.bodies_to(PHONE)) == 1
    retries = [e for e in message.events.all() if e.to_state == State.SCHEDULED and e.from_state]
    assert [e.provider_answer.count('"status": 5') for e in retries] == [1, 1]


def test_429_waits_with_backoff_before_the_next_try(fake_twilio, settings):
    settings.SMS_RETRY_BASE_SECONDS = 60
    fake_twilio.fail(PHONE, 429)
    message = notice()
    dispatch_due()
    message.refresh_from_db()
    assert message.state == State.SCHEDULED
    assert message.due_at > timezone.now() + timedelta(seconds=55)
    assert dispatch_due() == 0  # not due yet


def test_a_timeout_is_retried(fake_twilio, settings):
    settings.TWILIO_TIMEOUT = 0.2
    fake_twilio.delay = 0.5
    message = notice()
    dispatch_due()
    message.refresh_from_db()
    assert (message.state, message.error_code) == (State.SCHEDULED, "timeout")


def test_giving_up_after_the_last_attempt(fake_twilio, settings):
    settings.SMS_MAX_ATTEMPTS = 2
    fake_twilio.fail(PHONE, 500, forever=True)
    message = notice()
    for _ in range(4):
        dispatch_due()
    message.refresh_from_db()
    assert (message.state, message.attempts) == (State.FAILED, 2)
    assert fake_twilio.requests == 2


@pytest.mark.parametrize("code", [21211, 21614])
def test_an_invalid_or_landline_number_fails_without_retry(fake_twilio, code):
    fake_twilio.fail(PHONE, code, forever=True)
    message = notice()
    dispatch_due()
    dispatch_due()
    message.refresh_from_db()
    assert (message.state, message.error_code) == (State.FAILED, str(code))
    assert fake_twilio.requests == 1
    assert not is_muted(PHONE)


def test_21610_fails_and_mutes_the_number(fake_twilio):
    fake_twilio.fail(PHONE, 21610)
    notice()
    dispatch_due()
    assert is_muted(PHONE)
    later = notice(key="n2", body="Another notice")
    assert later.state == State.MUTED


def test_a_message_already_sent_is_never_sent_again_by_a_second_task(fake_twilio):
    message = notice()
    dispatch_due()
    Message.objects.filter(pk=message.pk).update(state=State.QUEUED)  # as if redelivered mid-way
    message.refresh_from_db()
    assert message.handed_at is not None
    deliver(message.pk)  # within the grace period: left to the task that handed it over
    assert len(fake_twilio.bodies_to(PHONE)) == 1


def test_a_lost_answer_is_found_at_the_provider_not_resent(fake_twilio, settings):
    settings.SMS_HANDOFF_GRACE = 0
    message = notice()
    dispatch_due()
    sid = Message.objects.get(pk=message.pk).provider_message_id
    # The worker died after Twilio accepted the text but before the answer was recorded.
    Message.objects.filter(pk=message.pk).update(state=State.QUEUED, provider_message_id="")
    assert deliver(message.pk) == State.SENT
    assert Message.objects.get(pk=message.pk).provider_message_id == sid
    assert len(fake_twilio.bodies_to(PHONE)) == 1


def test_a_hand_off_the_provider_never_saw_is_sent(fake_twilio, settings):
    settings.SMS_HANDOFF_GRACE = 0
    message = notice()
    Message.objects.filter(pk=message.pk).update(
        state=State.QUEUED, handed_at=timezone.now() - timedelta(minutes=5)
    )
    assert deliver(message.pk) == State.SENT
    assert len(fake_twilio.bodies_to(PHONE)) == 1


def test_the_sending_window_holds_notices_until_morning_but_not_sign_in_codes(settings):
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "07:00", "21:00"
    night = datetime(2026, 3, 2, 22, 30, tzinfo=HANOI)
    assert not window.is_open(night)
    assert window.next_opening(night) == datetime(2026, 3, 3, 7, 0, tzinfo=HANOI)
    assert window.next_opening(datetime(2026, 3, 3, 5, 0, tzinfo=HANOI)) == datetime(
        2026, 3, 3, 7, 0, tzinfo=HANOI
    )
    assert window.is_open(datetime(2026, 3, 3, 7, 0, tzinfo=HANOI))
    earlier = night - timedelta(hours=1)
    held = queue_sms(PHONE, "Thông báo", purpose=Purpose.NOTICE, idempotency_key="a", due_at=earlier)
    Message.objects.bulk_create(
        [Message(recipient=PHONE, body="code", purpose=Purpose.SIGN_IN, idempotency_key="b", due_at=earlier)]
    )
    assert list(due_messages(now=night).values_list("purpose", flat=True)) == [Purpose.SIGN_IN]
    morning = datetime(2026, 3, 3, 7, 1, tzinfo=HANOI)
    assert held.pk in due_messages(now=morning).values_list("pk", flat=True)


@pytest.fixture
def waiting_moves_the_clock(clock, monkeypatch):
    """The stopped clock (conftest.py) moves by what the sender sleeps for its next slot, so the
    pace is read off the clock without the test waiting for it."""
    monkeypatch.setattr(time, "sleep", clock.shift)


@pytest.mark.usefixtures("waiting_moves_the_clock")
def test_a_rate_limit_spaces_sends_per_account(fake_twilio, settings):
    settings.SMS_RATE_PER_SECOND = 2
    for n in range(5):
        notice(key=f"r{n}", phone=f"+8491234560{n}")
    started = time.time()
    dispatch_due()
    assert time.time() - started == 2.0  # 5 texts at 2 per second: the fifth 2 s after the first
    assert Message.objects.filter(state=State.SENT).count() == 5


@pytest.mark.usefixtures("waiting_moves_the_clock")
def test_a_backlog_is_handed_out_only_as_fast_as_the_account_can_send(fake_twilio, settings):
    settings.SMS_RATE_PER_SECOND, settings.SMS_HANDOUT_AHEAD_SECONDS = 5, 2  # ten texts in flight at most
    backlog = [notice(key=f"b{n}", phone=f"+849123456{n:02}") for n in range(30)]
    busy = [message.pk for message in backlog[:8]]
    # Eight already with the workers, handed out a moment ago:
    Message.objects.filter(pk__in=busy).update(state=State.QUEUED, queued_at=timezone.now())

    assert dispatch_due() == 2
    assert Message.objects.filter(state=State.SENT).count() == 2
    assert not Message.objects.filter(pk__in=busy, events__note="handed out again").exists()

    # Workers that took longer than SMS_REQUEUE_AFTER lost them: they go out again, within the limit.
    stuck_since = timezone.now() - timedelta(seconds=settings.SMS_REQUEUE_AFTER + 1)
    Message.objects.filter(pk__in=busy).update(queued_at=stuck_since)
    assert dispatch_due() == 10
    assert Message.objects.filter(pk__in=busy, state=State.SENT).count() == 8
