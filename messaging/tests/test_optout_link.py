"""Opting out by a link, since no text can come back from Vietnam: every text but a sign-in code
ends with a short link; the page texts the number a code and, once it is typed, stops that kind
of text for the number, including texts already waiting or handed to a worker. No page and no
stored row shows the number or the link's code."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from messaging import optout
from messaging.dispatch import hand_to_workers
from messaging.models import Message, OptOutLink, Purpose, State
from messaging.outbox import queue_sms
from messaging.segments import count_segments
from messaging.sending import deliver_many

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]

PHONE = "+84913555777"
SHOWN = ("0913 555 777", "913555777", "0913555777")
LINK = re.compile(re.escape(settings.SITE_URL) + r"(/u/[A-Za-z0-9]+)")


def sent_texts(capsys):
    return re.findall(r"\[SMS to (\+\d+)\] (.*)", capsys.readouterr().out)


def send(messages, capsys):
    capsys.readouterr()
    hand_to_workers([m.pk for m in messages])
    return sent_texts(capsys)


def reminder(key="r1", body="Nhắc lịch: tập huấn VNeID 8h thứ Bảy tại nhà văn hoá thôn."):
    return queue_sms(PHONE, body, purpose=Purpose.REMINDER, idempotency_key=key)


def test_every_text_but_a_sign_in_code_ends_with_a_short_link_counted_in_its_segments(capsys):
    # 58 characters with diacritics: one UCS-2 segment alone, three with the link.
    message = reminder()
    ((_recipient, text),) = send([message], capsys)
    path = LINK.search(text).group(1)
    assert len(path) <= 20
    assert reverse("optout_link", kwargs={"code": path.removeprefix("/u/")}) == path
    assert text.startswith("Nhắc lịch: tập huấn VNeID")
    assert "Ngừng nhận tin" in text
    assert message.segments == count_segments(text).segments > count_segments(message.body[:58]).segments

    code = path.removeprefix("/u/")
    stored = Message.objects.get(pk=message.pk)
    assert code not in stored.body
    assert code not in stored.shown_body
    assert not OptOutLink.objects.filter(digest__contains=code).exists()
    assert all(shown not in path for shown in (*SHOWN, PHONE))


def test_an_unaccented_text_keeps_its_link_in_gsm7(capsys):
    message = queue_sms(
        PHONE, "Hop to thu Bay 8h", purpose=Purpose.NOTICE, idempotency_key="n", unaccented=True
    )
    ((_, text),) = send([message], capsys)
    assert LINK.search(text)
    assert message.encoding == "gsm7"


def test_a_sign_in_code_has_no_link(capsys, django_capture_on_commit_callbacks):
    capsys.readouterr()
    with django_capture_on_commit_callbacks(execute=True):
        queue_sms(PHONE, "Ma: {secret}", purpose=Purpose.SIGN_IN, idempotency_key="c", secret="123456")
    ((_, text),) = sent_texts(capsys)
    assert text == "Ma: 123456"


def test_each_number_and_purpose_has_its_own_link():
    codes = {optout.code_for(phone, purpose) for phone in (PHONE, "+84913555778") for purpose in Purpose}
    assert len(codes) == 2 * len(Purpose)


def stop_by_link(client, text, capsys, captured):
    """Open the link, ask for a code, type the code texted to the number: the final page."""
    path = LINK.search(text).group(1)
    page = client.get(path, follow=True)
    assert page.status_code == 200
    capsys.readouterr()
    with captured(execute=True):
        asked = client.post(reverse("optout:stop"))
    assert asked["Location"] == reverse("optout:code")
    ((to, code_text),) = sent_texts(capsys)
    assert to == PHONE
    code = re.search(r"\b(\d{6})\b", code_text).group(1)
    return client.post(reverse("optout:code"), {"code": code})


def test_the_link_stops_that_kind_of_text_for_the_number_after_a_texted_code(
    client, capsys, django_capture_on_commit_callbacks
):
    ((_, text),) = send([reminder("r1")], capsys)
    waiting = reminder("r2", body="Nhắc lịch: buổi thứ hai.")
    notice = queue_sms(PHONE, "Thông báo của xã.", purpose=Purpose.NOTICE, idempotency_key="n")

    page = client.get(LINK.search(text).group(1), follow=True).content.decode()
    assert "reminder" in page or "nhắc" in page
    assert all(shown not in page for shown in (*SHOWN, PHONE))
    code_page = stop_by_link(client, text, capsys, django_capture_on_commit_callbacks)
    assert code_page.status_code == 200
    assert 'id="optout-done"' in code_page.content.decode()
    assert all(shown not in code_page.content.decode() for shown in (*SHOWN, PHONE))

    waiting.refresh_from_db()
    assert waiting.state == State.DENIED
    later = reminder("r3", body="Nhắc lịch: buổi thứ ba.")
    assert later.state == State.DENIED
    assert send([notice], capsys)  # notices still come: the link stopped reminders only


def test_a_text_already_handed_to_a_worker_is_not_sent_after_the_stop(
    client, capsys, django_capture_on_commit_callbacks
):
    ((_, text),) = send([reminder("r1")], capsys)
    queued = reminder("r2", body="Nhắc lịch: buổi thứ hai.")
    Message.objects.filter(pk=queued.pk).update(state=State.QUEUED)
    # The stop arrives between the dispatcher's hand-out and the worker's claim.
    link = optout.link_of(LINK.search(text).group(1).removeprefix("/u/"))
    from messaging import consent

    consent.record_consent(link.phone, link.purpose, "self_service", granted=False)
    capsys.readouterr()
    deliver_many([queued.pk])
    assert not sent_texts(capsys)
    queued.refresh_from_db()
    assert queued.state == State.DENIED


def test_a_wrong_code_stops_nothing(client, capsys, django_capture_on_commit_callbacks):
    ((_, text),) = send([reminder("r1")], capsys)
    client.get(LINK.search(text).group(1))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("optout:stop"))
    wrong = client.post(reverse("optout:code"), {"code": "000000"})
    right = sent_texts(capsys)
    assert wrong.status_code == 400 or right[-1][1].count("000000")
    assert reminder("r2", body="Nhắc lịch: buổi hai.").state == State.SCHEDULED


def test_an_unknown_or_guessed_link_is_not_found(client):
    reminder()
    assert client.get("/u/AAAAAAAAAAAA", follow=True).status_code == 404
    assert client.get("/u/short", follow=True).status_code == 404
    assert Client().get(reverse("optout:stop")).status_code == 404
