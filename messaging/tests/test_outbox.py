"""The outbox API other apps call: one message per key, opt-outs respected, pending messages cleared."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone, translation

from messaging import consent
from messaging.models import SECRET_MASK, ConsentMethod, Message, Purpose, State
from messaging.outbox import (
    clear,
    has_consent,
    is_muted,
    preview_many,
    queue_many,
    queue_sms,
    record_consent,
    reschedule,
)
from vietnamese.phones import InvalidPhone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_number_in_any_common_form_is_stored_as_e164():
    message = queue_sms("0912 345 678", "Xin chào", purpose=Purpose.NOTICE, idempotency_key="k1")
    assert message.recipient == "+84912345678"
    assert message.state == State.SCHEDULED
    assert [e.to_state for e in message.events.all()] == [State.SCHEDULED]


def test_the_same_key_twice_gives_the_same_message_and_never_a_second():
    first = queue_sms("0912345678", "Họp tổ 8h", purpose=Purpose.REMINDER, idempotency_key="session-1:d-1")
    again = queue_sms("0987654321", "Other text", purpose=Purpose.NOTICE, idempotency_key="session-1:d-1")
    assert again.pk == first.pk
    assert again.body.startswith("Họp tổ 8h ")
    assert Message.objects.count() == 1


def test_an_invalid_number_is_refused_with_a_clear_message():
    with translation.override("en"), pytest.raises(InvalidPhone, match="not a Vietnamese mobile"):
        queue_sms("+1 202 555 0100", "Hi", purpose=Purpose.NOTICE, idempotency_key="k")
    assert not Message.objects.exists()


def test_a_muted_number_gets_nothing_but_sign_in_codes(django_capture_on_commit_callbacks):
    consent.mute("0912345678", "texted STOP")
    notice = queue_sms("0912345678", "Thông báo", purpose=Purpose.NOTICE, idempotency_key="n")
    with django_capture_on_commit_callbacks(execute=True):
        code = queue_sms(
            "0912345678", "Mã: {secret}", purpose=Purpose.SIGN_IN, idempotency_key="c", secret="123456"
        )
    assert notice.state == State.MUTED
    code.refresh_from_db()
    assert code.state == State.SENT  # embedded mode: sent at once through the console


def test_withdrawn_consent_for_a_purpose_denies_that_purpose_only():
    record_consent("0912345678", Purpose.REMINDER, ConsentMethod.FORM, granted=False)
    assert not has_consent("0912345678", Purpose.REMINDER)
    reminder = queue_sms("0912345678", "Nhắc lịch", purpose=Purpose.REMINDER, idempotency_key="r")
    notice = queue_sms("0912345678", "Thông báo", purpose=Purpose.NOTICE, idempotency_key="n")
    assert (reminder.state, notice.state) == (State.DENIED, State.SCHEDULED)
    record_consent("0912345678", Purpose.REMINDER, ConsentMethod.OFFICER, granted=True)
    assert has_consent("0912345678", Purpose.REMINDER)


def test_the_same_text_to_the_same_number_under_another_key_is_a_duplicate():
    queue_sms("0912345678", "Họp tổ 8h", purpose=Purpose.REMINDER, idempotency_key="a")
    second = queue_sms("0912345678", "Họp tổ 8h", purpose=Purpose.REMINDER, idempotency_key="b")
    assert second.state == State.DUPLICATE


def test_a_sign_in_code_is_stored_masked_and_emptied_after_sending(
    capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_sms(
            "0912345678",
            "Mã đăng nhập: {secret}",
            purpose=Purpose.SIGN_IN,
            idempotency_key="login-1",
            secret="482913",
        )
    message.refresh_from_db()
    assert "482913" in capsys.readouterr().out  # the console provider shows it to the demo user
    assert message.state == State.SENT
    assert message.shown_body == f"Mã đăng nhập: {SECRET_MASK}"
    stored = Message.objects.filter(pk=message.pk).values_list("body", "sealed_secret").get()
    assert "482913" not in "".join(stored)
    assert stored[1] == ""


def test_clear_makes_pending_messages_moot_and_leaves_sent_ones_alone():
    pending = queue_sms("0912345678", "Buổi 1", purpose=Purpose.REMINDER, idempotency_key="s1")
    sent = queue_sms("0987654321", "Buổi 1", purpose=Purpose.REMINDER, idempotency_key="s2")
    Message.objects.filter(pk=sent.pk).update(state=State.SENT)
    assert clear(Message.objects.filter(idempotency_key__startswith="s"), "session cancelled") == 1
    pending.refresh_from_db()
    assert pending.state == State.CLEARED
    assert pending.events.last().note == "session cancelled"
    assert Message.objects.get(pk=sent.pk).state == State.SENT


def test_reschedule_moves_the_due_time():
    message = queue_sms("0912345678", "Buổi 1", purpose=Purpose.REMINDER, idempotency_key="s1")
    later = timezone.now() + timedelta(days=2)
    assert reschedule(Message.objects.filter(pk=message.pk), later) == 1
    message.refresh_from_db()
    assert message.due_at == later


def test_queue_many_keeps_order_and_skips_existing_keys():
    queue_sms("0912345678", "A", purpose=Purpose.NOTICE, idempotency_key="x1")
    messages = queue_many(
        [
            {
                "recipient_phone": "0987654321",
                "body": "B",
                "purpose": Purpose.NOTICE,
                "idempotency_key": "x2",
            },
            {
                "recipient_phone": "0912345678",
                "body": "C",
                "purpose": Purpose.NOTICE,
                "idempotency_key": "x1",
            },
        ]
    )
    assert [m.body.split()[0] for m in messages] == ["B", "A"]
    assert Message.objects.count() == 2


def test_unaccented_variant_and_segments_are_recorded():
    due = datetime(2026, 3, 2, 9, 0, tzinfo=HANOI)
    accented = queue_sms(
        "0912345678", "Lịch tập huấn " * 6, purpose=Purpose.NOTICE, idempotency_key="u1", due_at=due
    )
    plain = queue_sms(
        "0912345678", "Lịch tập huấn " * 6, purpose=Purpose.NOTICE, idempotency_key="u2", unaccented=True
    )
    # 84 characters, then the opt-out link's line (messaging/optout.py) counted with them.
    assert (accented.encoding, accented.segments) == ("ucs2", 3)
    assert plain.body.startswith("Lich tap huan")
    assert (plain.encoding, plain.segments) == ("gsm7", 1)


def test_inbound_keywords_mute_and_unmute():
    assert consent.keyword_of("Từ chối") == "opt_out"
    assert consent.keyword_of(" stop ") == "opt_out"
    assert consent.keyword_of("Bắt đầu") == "opt_in"
    assert consent.keyword_of("cảm ơn") is None
    consent.mute("0912345678", "STOP")
    assert is_muted("+84912345678")
    consent.unmute("0912345678", "START")
    assert not is_muted("0912345678")


def test_a_preview_prices_each_text_as_it_will_go_and_queues_nothing(settings):
    settings.SMS_COST_PER_SEGMENT = 800
    consent.mute("0912000003", "texted STOP")
    record_consent("0912000002", Purpose.REMINDER, ConsentMethod.FORM, granted=False)
    notice = "Buổi tập huấn kỹ năng số ở nhà văn hoá thôn Giang Cao đổi sang 8 giờ sáng thứ Hai tuần sau."
    items = [
        {
            "recipient_phone": f"091200000{n}",
            "body": body,
            "purpose": purpose,
            "idempotency_key": f"{purpose}{n}",
        }
        for n in (1, 2, 3)
        for body, purpose in ((notice, Purpose.NOTICE), ("Nhắc lịch: sáng mai 8h", Purpose.REMINDER))
    ]
    items.append(
        {**items[0], "idempotency_key": "plain", "unaccented": True, "recipient_phone": "0912000004"}
    )

    preview = preview_many(items)

    assert not Message.objects.exists()
    accented, reminder, plain = preview.texts
    # The muted number gets nothing; the one that withdrew reminders still gets the notice.
    assert (accented.estimate.recipients, reminder.estimate.recipients, plain.estimate.recipients) == (
        2,
        1,
        1,
    )
    # Each text is priced with the opt-out link it ends with: 94 characters of notice and the link.
    assert (accented.estimate.encoding, accented.estimate.segments_each) == ("ucs2", 3)
    assert plain.body.startswith(
        "Buoi tap huan ky nang so o nha van hoa thon Giang Cao doi sang 8 gio sang thu Hai tuan sau. "
        "Ngung nhan tin: "
    )
    assert (plain.estimate.encoding, plain.estimate.segments_each, plain.unaccented_body) == ("gsm7", 1, None)
    assert accented.unaccented_body == plain.body
    assert (preview.recipients, preview.opted_out, preview.messages) == (3, 1, 4)
    assert (preview.segments, preview.cost) == (9, 9 * 800)
    assert preview.unaccented_cost == 4 * 800


def test_staff_read_a_text_with_its_times_in_vietnam_and_its_code_masked(client):
    from tests.factories import UserFactory, enrolled_in_two_factor

    with time_machine.travel(datetime(2026, 11, 29, 23, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False):
        message = queue_sms(
            "0912345678",
            "Mã đăng nhập: {secret}",
            purpose=Purpose.SIGN_IN,
            idempotency_key="k",
            secret="123456",
        )
    admin = enrolled_in_two_factor(UserFactory(is_superuser=True, is_staff=True))
    client.force_login(admin)
    page = client.get(f"/admin/outbox/inspect/{message.pk}/").content.decode()
    assert "29/11/2026 23:30" in page  # not 16:30, the same moment in UTC
    assert "Shown body" not in page
    assert ">None<" not in page
    assert "482913" not in page
    assert SECRET_MASK in page
