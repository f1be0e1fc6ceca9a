"""Signing in: team members by phone and SMS code, staff by password and a required authenticator."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.models import User
from messaging.models import SECRET_MASK, Message, Purpose, State
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def leader():
    return User.objects.create_user(phone="+84912345678", full_name="Trần Văn Hùng")


def request_code(client, phone, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_request_login_code"), {"phone": phone})
    printed = capsys.readouterr().out
    codes = re.findall(r"\b(\d{6})\b", printed)
    return response, codes[-1] if codes else None


def test_a_team_leader_signs_in_with_a_number_typed_the_usual_way(
    client, leader, capsys, django_capture_on_commit_callbacks
):
    response, code = request_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert code is not None
    message = Message.objects.get(purpose=Purpose.SIGN_IN)
    assert (message.recipient, message.state, message.user) == ("+84912345678", State.SENT, leader)
    assert code not in message.body
    assert SECRET_MASK in message.shown_body
    assert message.sealed_secret == ""
    response = client.post(reverse("account_confirm_login_code"), {"code": code}, follow=True)
    assert response.context["user"] == leader
    leader.refresh_from_db()
    assert leader.phone_verified


def test_a_wrong_code_is_refused_and_the_person_stays_signed_out(
    client, leader, capsys, django_capture_on_commit_callbacks
):
    _, code = request_code(client, "0912345678", capsys, django_capture_on_commit_callbacks)
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(reverse("account_confirm_login_code"), {"code": wrong})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_a_number_that_is_not_vietnamese_gets_a_clear_message_and_keeps_what_was_typed(client):
    response = client.post(
        reverse("account_request_login_code"), {"phone": "12ab"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "use digits only" in response.content.decode()
    assert 'value="12ab"' in response.content.decode()


def test_an_unknown_number_sends_no_code_and_reveals_nothing(
    client, capsys, django_capture_on_commit_callbacks
):
    response, code = request_code(client, "0987 654 321", capsys, django_capture_on_commit_callbacks)
    assert response.status_code == 302  # same answer as for a known number
    assert code is None
    assert not Message.objects.exists()


def test_requesting_codes_is_rate_limited(client, leader, capsys, django_capture_on_commit_callbacks):
    for _ in range(3):
        request_code(client, "0912345678", capsys, django_capture_on_commit_callbacks)
        client.logout()
    response, _ = request_code(client, "0912345678", capsys, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert Message.objects.filter(purpose=Purpose.SIGN_IN).count() == 3


def test_the_adapter_implements_every_phone_method(leader):
    adapter = get_adapter()
    assert adapter._has_phone_impl
    assert adapter.get_user_by_phone("+84912345678") == leader
    assert adapter.get_phone(leader) == ("+84912345678", False)
    adapter.set_phone_verified(leader, "+84912345678")
    assert adapter.get_phone(leader) == ("+84912345678", True)
    adapter.set_phone(leader, "+84987654321", False)
    assert User.objects.get(pk=leader.pk).phone == "+84987654321"
    assert adapter.clean_phone("0987 654 321") == "+84987654321"


def test_nobody_can_sign_up_alone(client):
    response = client.get(reverse("account_signup"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Joining is by invitation" in response.content.decode()
    response = client.post(reverse("account_signup"), {"email": "x@example.vn", "password1": "a-long-pass-1"})
    assert not User.objects.filter(email="x@example.vn").exists()


@pytest.fixture
def superuser(client):
    """A superuser signed in through allauth's own form (as a person would), not yet enrolled."""
    user = UserFactory(email="officer@example.vn", is_staff=True, is_superuser=True)
    response = client.post(
        reverse("account_login"), {"login": "officer@example.vn", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    return user


@pytest.mark.parametrize("path", ["/admin/", "/django-admin/", "/vi/"])
def test_staff_without_two_factor_are_sent_to_enrol_first(client, superuser, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_staff_with_an_authenticator_still_type_its_code_in_this_session(client, superuser):
    # Enrolled is not enough: this session has had no code from the app (accounts/tests/test_sign_in_paths.py).
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/admin/")["Location"].startswith(reverse("mfa_reauthenticate"))


def test_enrolling_gives_recovery_codes(client, superuser):
    from tests.totp import totp_code

    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = response.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=superuser, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("path", "answer"), [("/favicon.ico", (302, "/static/cms/favicon.ico")), ("/admin/", (403, None))]
)
def test_a_browsers_background_request_leaves_the_secret_being_enrolled(client, superuser, path, answer):
    """Browsers fetch /favicon.ico after every page: sent to the enrolment page, it made a new
    secret, and the code for the QR code on screen was refused."""
    shown = client.get(reverse("mfa_activate_totp")).context["form"].secret

    response = client.get(path, headers={"Sec-Fetch-Dest": "image", "Sec-Fetch-Mode": "no-cors"})

    assert (response.status_code, response.get("Location")) == answer
    assert client.session["mfa.totp.secret"] == shown


def test_team_members_are_not_asked_for_two_factor(client, leader):
    client.force_login(leader)
    assert client.get("/vi/").status_code == 200  # the page itself, no detour to an authenticator


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_both_admin_logins_go_through_allauth(client, path):
    response = client.get(path + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_admin_password_forms_are_not_reachable(client):
    assert client.get("/admin/password_reset/")["Location"].startswith(reverse("account_login"))
    response = client.post("/admin/login/", {"username": "a@b.vn", "password": "x"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_phone_sign_in_page_is_light(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert client.get(reverse("account_request_login_code")).status_code == 200


def test_the_code_never_reaches_the_logs(client, leader, caplog, capsys, django_capture_on_commit_callbacks):
    import logging

    with caplog.at_level(logging.DEBUG):
        _, code = request_code(client, "0912345678", capsys, django_capture_on_commit_callbacks)
        client.post(reverse("account_confirm_login_code"), {"code": code})
    assert code
    assert code not in caplog.text
    assert not Message.objects.filter(body__contains=code).exists()
