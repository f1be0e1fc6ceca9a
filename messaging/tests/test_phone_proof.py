"""The "my data" door: anyone whose number is held proves it by a texted code and opens their
data, with no account; the pages read the same, and the same work is done, for a number nobody
holds; codes are kept only as hashes and their tries are counted in the shared cache."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts.models import User
from messaging.models import Message, Purpose
from messaging.phone_proof import MAX_TRIES
from tests.factories_trainings import SessionFactory
from trainings.registering import sign_up

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]

CITIZEN = "+84913555777"
STRANGER = "+84913999000"
ASK = reverse("phone_proof:ask", kwargs={"door": "my-data"})
CHECK = reverse("phone_proof:check", kwargs={"door": "my-data"})


@pytest.fixture
def citizen(django_capture_on_commit_callbacks):
    """Someone who only signed up for a training on the website: no account, no team."""
    with django_capture_on_commit_callbacks(execute=True):
        return sign_up(SessionFactory(), full_name="Lò Thị Mai", phone=CITIZEN, language="vi")


def ask_for_code(client, typed, capsys, captured):
    capsys.readouterr()
    with captured(execute=True):
        response = client.post(ASK, {"phone": typed})
    codes = re.findall(r"\b(\d{6})\b", capsys.readouterr().out)
    return response, codes[-1] if codes else None


def test_a_citizen_who_only_signed_up_for_a_training_opens_her_data_by_a_texted_code(
    client, citizen, capsys, django_capture_on_commit_callbacks
):
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 302
    assert response["Location"] == ASK

    response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    assert response["Location"] == CHECK
    assert code
    page = client.get(CHECK).content.decode()
    assert "0913 555 777" in page

    response = client.post(CHECK, {"code": code})
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:my_data")
    page = client.get(reverse("privacy:my_data")).content.decode()
    assert "Lò Thị Mai" in page
    assert citizen.session.course.title in page
    assert not User.objects.exists()  # she proved her number; she did not become a user


def test_a_number_nobody_holds_sees_the_same_pages_and_gets_no_text(
    client, citizen, capsys, django_capture_on_commit_callbacks
):
    from django.test import Client

    other = Client()
    known, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    unknown, nothing = ask_for_code(other, "0913 999 000", capsys, django_capture_on_commit_callbacks)
    assert code
    assert nothing is None
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert not Message.objects.filter(recipient=STRANGER).exists()

    def shown(response, number):
        html = response.content.decode().replace(number, "NUMBER")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    assert shown(client.get(CHECK), "0913 555 777") == shown(other.get(CHECK), "0913 999 000")
    wrong = "000000" if code != "000000" else "111111"
    wrong_known, wrong_unknown = client.post(CHECK, {"code": wrong}), other.post(CHECK, {"code": wrong})
    assert wrong_known.status_code == wrong_unknown.status_code == 400
    assert shown(wrong_known, "0913 555 777") == shown(wrong_unknown, "0913 999 000")
    assert other.get(reverse("privacy:my_data"))["Location"] == ASK


def test_the_code_is_kept_only_as_a_hash(client, citizen, capsys, django_capture_on_commit_callbacks):
    _response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    stored = Session.objects.get(session_key=client.session.session_key).session_data
    assert code not in str(client.session.load())
    assert code not in stored
    message = Message.objects.get(
        recipient=CITIZEN, purpose=Purpose.SIGN_IN, idempotency_key__startswith="phone"
    )
    assert code not in message.body
    assert code not in message.sealed_secret


def test_after_five_wrong_codes_even_the_right_one_is_refused(
    client, citizen, capsys, django_capture_on_commit_callbacks
):
    _response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(MAX_TRIES):
        assert client.post(CHECK, {"code": wrong}).status_code == 400
    response = client.post(CHECK, {"code": code})
    assert response.status_code == 429
    assert "Nhập sai mã quá nhiều lần" in response.content.decode()
    assert client.get(reverse("privacy:my_data"))["Location"] == ASK


def test_a_code_stops_working_after_ten_minutes_and_the_proof_after_thirty(
    client, citizen, capsys, django_capture_on_commit_callbacks, clock
):
    _response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    clock.shift(timedelta(minutes=10, seconds=1))
    assert client.post(CHECK, {"code": code}).status_code == 400

    _response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    client.post(CHECK, {"code": code})
    clock.shift(timedelta(minutes=29))
    assert client.get(reverse("privacy:my_data")).status_code == 200
    clock.shift(timedelta(minutes=2))
    assert client.get(reverse("privacy:my_data"))["Location"] == ASK


def test_a_fourth_code_for_one_number_within_the_hour_is_refused_in_the_readers_language(
    client, citizen, capsys, django_capture_on_commit_callbacks
):
    for _ in range(3):
        ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert code is None
    assert "Quá nhiều lần xin mã" in response.content.decode()
    assert client.post(ASK, {"phone": "0913 555"}).status_code == 400


def test_her_data_is_hers_alone_and_the_confirmation_text_links_to_it(
    client, citizen, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(SessionFactory(), full_name="Đỗ Văn Hải", phone=STRANGER, language="vi")
    _response, code = ask_for_code(client, "0913 555 777", capsys, django_capture_on_commit_callbacks)
    client.post(CHECK, {"code": code})
    page = client.get(reverse("privacy:my_data")).content.decode()
    assert "Đỗ Văn Hải" not in page
    assert "0913 999 000" not in page
    confirmation = Message.objects.get(recipient=CITIZEN, purpose=Purpose.NOTICE)
    assert confirmation.body.endswith("http://testserver/vi/my-data/") or "/vi/my-data/" in confirmation.body


def test_an_unknown_door_is_not_found(client):
    assert client.get(reverse("phone_proof:ask", kwargs={"door": "nowhere"})).status_code == 404
