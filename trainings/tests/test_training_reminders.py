"""A session's texts with the clock frozen: who gets which text, and when, from sign-up to
cancellation, through a move and a waiting-list promotion. The outbox's dispatcher and the
console provider do the sending, as in the demo."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from messaging import consent
from messaging.dispatch import dispatch_due
from messaging.models import Message, State
from tests.factories_trainings import CourseFactory, SessionFactory, local
from trainings.changes import announce_move, cancel
from trainings.models import Registration, SessionMessage
from trainings.registering import sign_up, withdraw
from trainings.reminders import reminder_due

pytestmark = pytest.mark.django_db
LAN, MINH, HOA = "+84912000001", "+84912000002", "+84912000003"


@pytest.fixture
def clock(clock):
    """The shared stopped clock (conftest.py), from 09:00 on 1 March 2027."""
    clock.move_to(local(2027, 3, 1, 9))
    return clock


def sent_since(moment):
    """(local send time, recipient, kind) of every text the provider accepted since `moment`."""
    rows = (
        Message.objects.filter(state=State.SENT, sent_at__gte=moment)
        .order_by("sent_at", "recipient")
        .values_list("sent_at", "recipient", "training_link__kind")
    )
    return [(timezone.localtime(at).strftime("%d/%m %H:%M"), phone, kind) for at, phone, kind in rows]


def dispatch_at(clock, moment):
    clock.move_to(moment)
    dispatch_due()
    return sent_since(moment)


@override_settings(SMS_RATE_PER_SECOND=0)
def test_a_session_from_sign_up_to_cancellation(clock, capsys, tasks_in_process):
    course = CourseFactory(title_vi="Thanh toán bằng mã QR", title_en="Paying by QR code")
    session = SessionFactory(
        course=course, capacity=2, starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16)
    )

    lan = sign_up(session, full_name="Nguyễn Thị Lan", phone="0912 000 001", language="vi")
    minh = sign_up(session, full_name="Lê Minh", phone="0912.000.002", language="en")
    hoa = sign_up(session, full_name="Phạm Thị Hoa", phone="84912000003", language="vi")
    assert (lan.status, minh.status, hoa.status) == ("registered", "registered", "waiting")

    assert dispatch_at(clock, local(2027, 3, 1, 9)) == [
        ("01/03 09:00", LAN, "confirmation"),
        ("01/03 09:00", MINH, "confirmation"),
        ("01/03 09:00", HOA, "waiting"),
    ]
    out = capsys.readouterr().out
    assert f'[SMS to {MINH}] You are registered for "Paying by QR code" at 14:00 05/03/2027' in out
    assert f"[SMS to {LAN}] Bạn đã đăng ký" in out

    # The day before, at the same hour: the 24-hour reminders, in each person's language.
    assert dispatch_at(clock, local(2027, 3, 4, 13, 59)) == []
    assert dispatch_at(clock, local(2027, 3, 4, 14)) == [
        ("04/03 14:00", LAN, "reminder"),
        ("04/03 14:00", MINH, "reminder"),
    ]
    assert f"[SMS to {MINH}] Tomorrow at 14:00 05/03/2027" in capsys.readouterr().out

    # Moved by a day: a change notice to everyone (the waiting list too), reminders for the new time.
    clock.move_to(local(2027, 3, 4, 15))
    session.starts_at, session.ends_at = local(2027, 3, 6, 14), local(2027, 3, 6, 16)
    session.save()
    announce_move(session)
    assert dispatch_at(clock, local(2027, 3, 4, 15)) == [
        ("04/03 15:00", LAN, "moved"),
        ("04/03 15:00", MINH, "moved"),
        ("04/03 15:00", HOA, "moved"),
    ]
    assert f"[SMS to {LAN}] Thay đổi" in capsys.readouterr().out
    # The old time's two-hour reminders were cleared: nothing goes at 12:00 on the 5th.
    assert dispatch_at(clock, local(2027, 3, 5, 12)) == []

    # Minh withdraws: his reminders are cleared and his place goes to Hoa, with a text.
    clock.move_to(local(2027, 3, 5, 13))
    withdraw(Registration.objects.get(pk=minh.pk))
    hoa.refresh_from_db()
    assert hoa.status == "registered"
    assert dispatch_at(clock, local(2027, 3, 5, 13)) == [("05/03 13:00", HOA, "promoted")]

    assert dispatch_at(clock, local(2027, 3, 5, 14)) == [
        ("05/03 14:00", LAN, "reminder"),
        ("05/03 14:00", HOA, "reminder"),
    ]

    # Cancelled on the morning: the two-hour reminders never go, a cancellation notice does.
    clock.move_to(local(2027, 3, 6, 9))
    cancel(session)
    assert dispatch_at(clock, local(2027, 3, 6, 9)) == [
        ("06/03 09:00", LAN, "cancelled"),
        ("06/03 09:00", HOA, "cancelled"),
    ]
    assert dispatch_at(clock, local(2027, 3, 6, 12)) == []

    # Over the whole story: each person got each text once, none for Minh after he withdrew.
    kinds = {}
    for phone, kind in Message.objects.filter(state=State.SENT).values_list(
        "recipient", "training_link__kind"
    ):
        kinds.setdefault(phone, []).append(kind)
    assert sorted(kinds[MINH]) == ["confirmation", "moved", "reminder"]
    assert sorted(kinds[LAN]) == ["cancelled", "confirmation", "moved", "reminder", "reminder"]
    assert sorted(kinds[HOA]) == ["cancelled", "moved", "promoted", "reminder", "waiting"]
    # Cleared: the old time's two-hour reminders (Lan, Minh), Minh's two for the new time when he
    # withdrew, and the new two-hour ones (Lan, Hoa) when it was cancelled.
    cleared = Message.objects.filter(state=State.CLEARED, training_link__kind="reminder")
    assert sorted(cleared.values_list("recipient", flat=True)) == [LAN, LAN, MINH, MINH, MINH, HOA]


def test_a_night_reminder_moves_to_the_evening_or_is_dropped():
    now = local(2027, 3, 1, 9)
    # Two hours before a 22:30 class is 20:30: inside the window, unchanged.
    assert reminder_due(local(2027, 3, 5, 22, 30), 2, now) == local(2027, 3, 5, 20, 30)
    # Two hours before a 23:00 class is 21:00, shut: pulled back to 20:45 the same evening.
    assert reminder_due(local(2027, 3, 5, 23), 2, now) == local(2027, 3, 5, 20, 45)
    # Two hours before 08:00 is 06:00: the evening before is ten hours early, so it is dropped.
    assert reminder_due(local(2027, 3, 5, 8), 2, now) is None
    # The day before a 06:30 class is 06:30, shut: 20:45 two evenings before is still useful.
    assert reminder_due(local(2027, 3, 5, 6, 30), 24, now) == local(2027, 3, 3, 20, 45)
    # A reminder whose time has passed is not sent late.
    assert reminder_due(local(2027, 3, 1, 10), 2, now) is None


def test_the_unaccented_setting_sends_texts_without_diacritics(clock):
    session = SessionFactory(
        unaccented_sms=True, starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16)
    )
    registration = sign_up(session, full_name="Lan", phone="0912000001", language="vi")
    bodies = list(
        Message.objects.filter(training_link__registration=registration).values_list("body", "encoding")
    )
    assert bodies
    assert all(encoding == "gsm7" for _, encoding in bodies)
    assert any(body.startswith('Ban da dang ky "Su dung VNeID"') for body, _ in bodies)


def test_a_muted_number_has_its_reminders_cleared(clock):
    session = SessionFactory(starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16))
    registration = sign_up(session, full_name="Lan", phone="0912000001", language="vi")
    consent.mute("0912000001", "texted HUY")
    states = set(
        Message.objects.filter(
            training_link__registration=registration, training_link__kind="reminder"
        ).values_list("state", flat=True)
    )
    assert states == {State.CLEARED}


def reminder_states(registration):
    return sorted(
        Message.objects.filter(
            training_link__registration=registration, training_link__kind="reminder"
        ).values_list("state", "due_at")
    )


@override_settings(SMS_RATE_PER_SECOND=0)
def test_texting_start_again_brings_back_the_reminders_still_ahead(clock, capsys, tasks_in_process):
    session = SessionFactory(starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16))
    cancelled = SessionFactory(starts_at=local(2027, 3, 6, 14), ends_at=local(2027, 3, 6, 16))
    registration = sign_up(session, full_name="Lan", phone="0912000001", language="vi")
    sign_up(cancelled, full_name="Lan", phone="0912000001", language="vi")
    cancel(cancelled)
    # (The cancelled session's confirmation, still unsent, was cleared by the cancellation.)
    assert sorted(kind for *_, kind in dispatch_at(clock, local(2027, 3, 1, 9, 5))) == [
        "cancelled",
        "confirmation",
    ]
    consent.mute("0912000001", "texted HUY")

    # Back after the day-before reminder's time: only the one two hours before is still to come.
    clock.move_to(local(2027, 3, 4, 18))
    consent.unmute("0912000001", "texted BAT DAU")

    assert reminder_states(registration) == [
        (State.CLEARED, local(2027, 3, 4, 14)),
        (State.CLEARED, local(2027, 3, 5, 12)),
        (State.SCHEDULED, local(2027, 3, 5, 12)),
    ]
    assert not Message.objects.filter(
        training_link__registration__session=cancelled, training_link__kind="reminder", state=State.SCHEDULED
    ).exists()
    assert dispatch_at(clock, local(2027, 3, 5, 12)) == [("05/03 12:00", LAN, "reminder")]
    # Texting START twice changes nothing more.
    consent.unmute("0912000001", "texted START")
    assert len(reminder_states(registration)) == 3


def test_signing_up_while_muted_then_texting_start_queues_the_reminders(clock):
    consent.mute("0912000001", "texted STOP")
    session = SessionFactory(starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16))
    registration = sign_up(session, full_name="Lan", phone="0912000001", language="vi")
    assert {state for state, _ in reminder_states(registration)} == {State.MUTED}

    consent.unmute("0912000001", "texted START")

    assert [due for state, due in reminder_states(registration) if state == State.SCHEDULED] == [
        local(2027, 3, 4, 14),
        local(2027, 3, 5, 12),
    ]


def test_signing_up_again_after_withdrawing_gets_fresh_reminders_never_a_second_of_the_same(clock):
    session = SessionFactory(starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16))
    first = sign_up(session, full_name="Lan", phone="0912000001", language="vi")
    withdraw(first)
    again = sign_up(session, full_name="Lan", phone="0912000001", language="vi")
    assert again.pk == first.pk
    assert again.status == "registered"
    reminders = SessionMessage.objects.filter(registration=again, kind="reminder")
    assert sorted(reminders.values_list("message__state", flat=True)) == [
        "cleared",
        "cleared",
        "scheduled",
        "scheduled",
    ]
    # Asking again (a retried task) makes nothing new.
    from trainings.reminders import schedule_reminders

    before = Message.objects.count()
    schedule_reminders([Registration.objects.select_related("session__course").get(pk=again.pk)])
    assert Message.objects.count() == before


def test_a_full_session_waits_until_a_place_frees_and_capacity_grows(clock):
    session = SessionFactory(capacity=1, starts_at=local(2027, 3, 5, 14), ends_at=local(2027, 3, 5, 16))
    sign_up(session, full_name="A", phone="0912000001", language="vi")
    waiting = sign_up(session, full_name="B", phone="0912000002", language="vi")
    assert waiting.status == "waiting"
    from trainings.changes import save_changes

    before = type(session).objects.get(pk=session.pk)
    session.capacity = 2
    save_changes(session, before)
    waiting.refresh_from_db()
    assert waiting.status == "registered"
    assert SessionMessage.objects.filter(registration=waiting, kind="promoted").exists()
    assert timedelta(0) < session.starts_at - timezone.now()
