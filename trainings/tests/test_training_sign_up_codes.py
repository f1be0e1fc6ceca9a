"""Attacks on the citizens' sign-up, refused: made-up numbers, asking who is signed up, guessing
codes, and codes or links kept in clear."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from messaging.models import ConsentRecord, Message, Purpose
from tests.factories import CommuneFactory
from tests.factories_trainings import SessionFactory, signed_up_through_the_pages, texted_code
from trainings.models import Registration, SignUpHold

pytestmark = pytest.mark.django_db


def form(phone, name="Nguyễn Thị Lan"):
    return {"full_name": name, "phone": phone, "consent": "on"}


@pytest.fixture
def session():
    return SessionFactory(commune=CommuneFactory(), capacity=30)


def test_thirty_made_up_numbers_in_a_burst_take_no_place_and_record_no_consent(session, settings):
    """The reported attack: 30 sign-ups with made-up phones in 1.8 s took 30 places, queued 90
    texts and recorded consent for numbers nobody verified."""
    limit = int(settings.RATE_LIMITS["training_sign_up"].split("/")[0])
    answers = []
    for n in range(30):
        fresh = Client()  # a script that drops its cookies: a new browser session each time
        answers.append(fresh.post(f"/vi/trainings/{session.pk}/", form(f"09120000{n:02}")).status_code)
    assert answers.count(302) == limit
    assert set(answers[limit:]) == {429}
    assert not Registration.objects.exists()
    assert not ConsentRecord.objects.exists()
    # One code per accepted attempt and no other text at all.
    assert Message.objects.count() == limit
    assert set(Message.objects.values_list("purpose", flat=True)) == {Purpose.SIGN_IN}
    # The places are only held, and only for a few minutes.
    page = Client().get(f"/vi/trainings/{session.pk}/")
    assert page.context["places_left"] == 30 - limit
    with time_machine.travel(
        timezone.now() + timedelta(minutes=settings.TRAINING_SIGN_UP_HOLD_MINUTES, seconds=1)
    ):
        assert Client().get(f"/vi/trainings/{session.pk}/").context["places_left"] == 30


def test_limits_per_browser_session_and_per_number(session, settings, client):
    per_session = int(settings.RATE_LIMITS["training_sign_up_session"].split("/")[0])
    answers = [
        client.post(f"/vi/trainings/{session.pk}/", form(f"09130000{n:02}")).status_code for n in range(8)
    ]
    assert answers.count(302) == per_session

    per_phone = int(settings.RATE_LIMITS["training_sign_up_phone"].split("/")[0])
    answers = [
        Client(REMOTE_ADDR=f"10.0.0.{n}")
        .post(f"/vi/trainings/{session.pk}/", form("0914 000 000"))
        .status_code
        for n in range(6)
    ]
    assert answers.count(302) == per_phone
    assert Message.objects.filter(recipient="+84914000000").count() == per_phone


def _confirm_page(client, session, phone):
    response = client.post(f"/vi/trainings/{session.pk}/", form(phone), follow=True)
    body = response.content.decode()
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)


def test_the_answer_does_not_tell_a_stranger_whether_a_number_is_signed_up(session, settings):
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    sign_up = Client()
    signed_up_through_the_pages(sign_up, session, phone="0912 345 678")
    codes_before = Message.objects.filter(purpose=Purpose.SIGN_IN).count()

    known = _confirm_page(Client(), session, "0912 345 678")
    unknown = _confirm_page(Client(), session, "0987 654 321")
    assert known[0] == unknown[0] == 200
    assert known[1].replace("0912 345 678", "NUMBER") == unknown[1].replace("0987 654 321", "NUMBER")
    assert "Chúng tôi đã gửi tin nhắn tới 0912 345 678" in known[1]

    # The person signed up was told by text; no code and no second place were made for them.
    told = Message.objects.filter(recipient="+84912345678", purpose=Purpose.NOTICE).exclude(
        training_link__kind="confirmation"
    )
    assert told.count() == 1
    assert "đã có chỗ" in told.get().body
    assert (
        Message.objects.filter(purpose=Purpose.SIGN_IN).count() == codes_before + 1
    )  # the stranger's number only
    assert Registration.objects.filter(phone="+84912345678").count() == 1
    assert not SignUpHold.objects.filter(phone="+84912345678").exists()


def test_guessing_the_code_fails_and_gives_the_place_back(session, client):
    client.post(f"/vi/trainings/{session.pk}/", form("0912 345 678"))
    right = texted_code("+84912345678")
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(5):
        answer = client.post(f"/vi/trainings/{session.pk}/confirm/", {"code": wrong})
        assert answer.status_code == 400
        assert "Mã không đúng" in answer.content.decode()
    assert not SignUpHold.objects.exists()  # the place is free again
    answer = client.post(f"/vi/trainings/{session.pk}/confirm/", {"code": right})
    assert "Sai mã quá nhiều lần" in answer.content.decode()
    assert not Registration.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_an_expired_hold_confirms_nothing(session, client, settings):
    client.post(f"/vi/trainings/{session.pk}/", form("0912 345 678"))
    code = texted_code("+84912345678")
    later = timezone.now() + timedelta(minutes=settings.TRAINING_SIGN_UP_HOLD_MINUTES, seconds=1)
    with time_machine.travel(later):
        answer = client.post(f"/vi/trainings/{session.pk}/confirm/", {"code": code})
    assert "Mã đã hết hạn" in answer.content.decode()
    assert not Registration.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_codes_and_links_are_never_kept_in_clear(session, client):
    client.post(f"/vi/trainings/{session.pk}/", form("0912 345 678"))
    code = texted_code("+84912345678")
    hold = SignUpHold.objects.get()
    assert code not in hold.code_hash
    message = Message.objects.get(purpose=Purpose.SIGN_IN)
    assert code not in message.body
    assert code not in message.sealed_secret
    stored_sessions = [s.get_decoded() for s in Session.objects.all()]
    assert code not in repr(stored_sessions)

    link = client.post(f"/vi/trainings/{session.pk}/confirm/", {"code": code})["Location"]
    key = link.rstrip("/").rsplit("/", 1)[1]
    registration = Registration.objects.get()
    assert key not in registration.link_hash
    assert len(registration.link_hash) == 64
    assert key not in repr([s.get_decoded() for s in Session.objects.all()])
