"""Sign-in doors an attacker pushed on: parallel guesses at one code, the time an answer takes,
the host a reset link names, and a phone-change form that changed nothing."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from messaging.models import Message
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.redis, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def leader():
    return User.objects.create_user(phone="+84912345678", full_name="Trần Văn Hùng")


def _request_code(client, phone, capsys, captured):
    capsys.readouterr()
    with captured(execute=True):
        client.post(reverse("account_request_login_code"), {"phone": phone})
    codes = re.findall(r"\b(\d{6})\b", capsys.readouterr().out)
    return codes[-1] if codes else None


def test_twelve_guesses_at_once_get_three_tries_between_them(
    client, leader, capsys, django_capture_on_commit_callbacks
):
    """Parallel requests each read the session before any writes it back: replayed here by giving
    every guess the session as it was before the first one. The right code comes twelfth."""
    code = _request_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)
    before = dict(client.session.items())
    wrong = [f"{n:06d}" for n in range(11) if f"{n:06d}" != code]
    answers = []
    for guess in [*wrong[:11], code]:
        session = client.session
        session.clear()
        session.update(before)
        session.save()
        answers.append(client.post(reverse("account_confirm_login_code"), {"code": guess}))
    assert not answers[-1].wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in client.session
    assert "Quá nhiều lần thử mã này: hãy xin mã mới." in answers[-1].content.decode()


def test_the_right_code_within_three_tries_still_signs_in(
    client, leader, capsys, django_capture_on_commit_callbacks
):
    code = _request_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)
    wrong = "000000" if code != "000000" else "111111"
    client.post(reverse("account_confirm_login_code"), {"code": wrong})
    client.post(reverse("account_confirm_login_code"), {"code": wrong})
    client.post(reverse("account_confirm_login_code"), {"code": code})
    assert client.session["_auth_user_id"] == str(leader.pk)


def _statements(client, phone, captured, address):
    """What the database is asked when a code is requested for `phone` from `address`, as (verb,
    table). Each number is asked from an address of its own: from one address, the second request
    finds the first one's rate-limit counter and updates it where the first inserted it, which tells
    the order of the requests, not whether the number is registered."""
    client.get(reverse("account_request_login_code"), REMOTE_ADDR=address)
    with CaptureQueriesContext(connection) as queries, captured(execute=False):
        client.post(reverse("account_request_login_code"), {"phone": phone}, REMOTE_ADDR=address)
    shapes = []
    for query in queries.captured_queries:
        sql = query["sql"]
        table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', sql)
        shapes.append((sql.split()[0], table.group(1) if table else None))
    return [shape for shape in shapes if shape[0] not in ("SAVEPOINT", "RELEASE", "ROLLBACK")]


def test_a_registered_and_an_unknown_number_do_the_same_work(
    client, leader, django_capture_on_commit_callbacks
):
    """29 ms against 20 ms told which numbers have an account: both now queue a text, and the
    unknown number's is rolled back."""
    registered = _statements(client, "0912 345 678", django_capture_on_commit_callbacks, "203.0.113.1")
    unknown = _statements(Client(), "0912 345 699", django_capture_on_commit_callbacks, "203.0.113.2")
    assert ("INSERT", "messaging_message") in registered
    assert unknown == registered
    assert not User.objects.filter(phone="+84912345699").exists()
    assert not Message.objects.filter(recipient="+84912345699").exists()


def test_the_password_reset_link_leads_to_the_site_whatever_host_the_request_named(client, settings):
    settings.SITE_URL = "https://totechso.example.vn"
    UserFactory(email="tinh@example.vn")
    client.post(reverse("account_reset_password"), {"email": "tinh@example.vn"}, HTTP_HOST="localhost:31337")
    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    assert links
    assert all(link.startswith("https://totechso.example.vn/accounts/password/reset/key/") for link in links)


def test_the_phone_change_form_is_not_offered(client, leader):
    """A number is changed by the commune officer, on the member's page (see config/urls.py)."""
    client.force_login(leader)
    assert client.get("/accounts/phone/change/", follow=True).status_code == 404
    client.post("/accounts/phone/change/", {"phone": "0987654321"}, follow=True)
    leader.refresh_from_db()
    assert leader.phone == "+84912345678"
