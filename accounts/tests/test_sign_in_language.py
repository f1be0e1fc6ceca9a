"""The language chosen on the sign-in page is kept: whoever signs in after choosing English lands
on /en/… (the editor in an English admin), and their texts are written in English from then on."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory
from tests.factories_teams import MemberFactory
from tests.sign_in_steps import PASSWORD, enrol, make_staff, sign_in_by_code, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]
PHONE = "+84912345678"


def choose_on_the_sign_in_page(client, language):
    """The language switcher of /accounts/login/ posts to Django's set_language."""
    client.post(reverse("set_language"), {"language": language, "next": reverse("account_login")})


@pytest.mark.parametrize(("language", "landing"), [("en", "/en/team/"), ("vi", "/vi/team/")])
def test_a_team_member_lands_on_the_team_page_in_the_language_chosen(
    client, world, language, landing, capsys, django_capture_on_commit_callbacks
):
    user = UserFactory(phone=PHONE, phone_verified=True, email=None, preferred_language="vi")
    MemberFactory(team=world["teams"]["a"], phone=PHONE, user=user)
    choose_on_the_sign_in_page(client, language)
    response = sign_in_by_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)
    assert response["Location"] == landing
    assert User.objects.get(pk=user.pk).preferred_language == language


def test_a_citizen_with_an_account_lands_on_the_english_home(
    client, capsys, django_capture_on_commit_callbacks
):
    UserFactory(phone=PHONE, phone_verified=True, email=None)
    choose_on_the_sign_in_page(client, "en")
    assert (
        sign_in_by_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)["Location"]
        == "/en/"
    )


@pytest.mark.parametrize(("kind", "landing"), [("commune officer", "/en/dashboard/"), ("editor", "/admin/")])
def test_staff_land_in_english_after_their_authenticator(client, world, clock, kind, landing):
    units = {"province": world["north"], "commune": world["a"]}
    user = make_staff(kind, units, PHONE)
    secret = enrol(user)
    choose_on_the_sign_in_page(client, "en")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    clock.shift(30)
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response["Location"] == landing
    assert client.get(landing).headers["Content-Language"] == "en"


def test_without_a_choice_a_person_keeps_their_own_language(
    client, capsys, django_capture_on_commit_callbacks
):
    UserFactory(phone=PHONE, phone_verified=True, email=None, preferred_language="en")
    assert (
        sign_in_by_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)["Location"]
        == "/en/"
    )
