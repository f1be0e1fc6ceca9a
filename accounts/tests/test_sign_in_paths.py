"""Every way into a session ends in the same checks: staff type a code from their authenticator app
in every session before either admin opens, however the session began.

Each path is walked through the real pages (no force_login for the step under test), for each
kind of person who can open /admin/ or /django-admin/.
"""

import ast
import json
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts.adapter import code_digest
from accounts.models import Role
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.sign_in_steps import (
    MIDNIGHT,
    PASSWORD,
    STAFF_ROLES,
    assert_admin_opens,
    assert_admins_refuse,
    deliver_scheduled_texts,
    enrol,
    invitation_link_path,
    is_signed_in,
    make_staff,
    request_phone_code,
    sent_texts,
    totp_code,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]
STAFF = list(STAFF_ROLES)
PHONE = "+84912345678"


@pytest.fixture
def units(world):
    """Hà Nội and Bát Tràng, from the shared world (tests/world/)."""
    return {"province": world["north"], "commune": world["a"]}


def pass_totp(client, clock, secret, page="mfa_authenticate"):
    """Type the authenticator's code on `page`; each code is for a fresh 30-second step."""
    clock.shift(30)
    response = client.post(reverse(page), {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.mark.parametrize("kind", STAFF)
def test_password_then_authenticator(client, units, clock, kind):
    user = make_staff(kind, units, PHONE)
    secret = enrol(user)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert not is_signed_in(client)
    assert_admins_refuse(client)
    pass_totp(client, clock, secret)
    assert_admin_opens(client, user)


@pytest.mark.parametrize("kind", STAFF)
def test_phone_code_then_authenticator(
    client, units, clock, kind, capsys, django_capture_on_commit_callbacks
):
    user = make_staff(kind, units, PHONE)
    secret = enrol(user)
    code = request_phone_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response["Location"] == reverse("mfa_authenticate")
    assert not is_signed_in(client)
    assert_admins_refuse(client)
    pass_totp(client, clock, secret)
    assert_admin_opens(client, user)


@pytest.mark.parametrize("kind", STAFF)
def test_password_reset_then_authenticator(client, units, clock, kind, settings, mailoutbox):
    # Even when a reset signs the person in (allauth can), the authenticator is asked first.
    settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
    user = make_staff(kind, units, PHONE)
    secret = enrol(user)
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mailoutbox[-1].body).group(1)
    set_password_page = client.get(link)["Location"]
    new_password = "another-long-password-2026"
    response = client.post(set_password_page, {"password1": new_password, "password2": new_password})
    assert response["Location"] == reverse("mfa_authenticate")
    assert not is_signed_in(client)
    assert_admins_refuse(client)
    pass_totp(client, clock, secret)
    assert_admin_opens(client, user)


@pytest.mark.parametrize("kind", STAFF)
def test_invitation_to_an_existing_staff_account(
    client, units, clock, kind, capsys, django_capture_on_commit_callbacks
):
    """The link alone opens nothing; signed in with password and authenticator, the person accepts."""
    user = make_staff(kind, units, PHONE)
    secret = enrol(user)
    inviter = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    from accounts.invitations import invite

    with django_capture_on_commit_callbacks(execute=True):
        invite(inviter, PHONE, "Ai Đó", Role.CONTENT_EDITOR, province=units["province"])
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    client.post(link, {"consent": ["reminder"]})
    assert not is_signed_in(client)
    assert not user.role_assignments.filter(role=Role.CONTENT_EDITOR, province=units["province"]).exists()
    assert_admins_refuse(client)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD, "next": link})
    assert_admins_refuse(client)
    response = pass_totp(client, clock, secret)
    assert response["Location"] == link
    assert client.post(link, {"consent": ["reminder"]}).status_code == 302
    assert user.role_assignments.filter(role=Role.CONTENT_EDITOR, province=units["province"]).exists()
    assert_admin_opens(client, user)


INVITABLE_STAFF = [kind for kind, (role, _unit) in STAFF_ROLES.items() if role is not None]


@pytest.mark.parametrize("kind", INVITABLE_STAFF)
def test_invitation_to_a_new_phone_with_a_staff_role(
    client, units, clock, kind, capsys, django_capture_on_commit_callbacks
):
    """A new account's session comes from the SMS code sign-in; the admin waits for the authenticator.

    A Django superuser is never made by invitation (no role gives it), so it has no row here.
    """
    role, unit = STAFF_ROLES[kind]
    inviter = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    from accounts.invitations import invite

    with django_capture_on_commit_callbacks(execute=True):
        invite(inviter, PHONE, "Lê Thị Mai", role, **({unit: units[unit]} if unit else {}))
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    assert "Lê Thị Mai" in client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"consent": ["reminder"]})
    assert response["Location"] == reverse("account_confirm_login_code")
    assert not is_signed_in(client)
    assert_admins_refuse(client)
    code = re.findall(r"\b(\d{6})\b", sent_texts(capsys))[-1]
    client.post(reverse("account_confirm_login_code"), {"code": code})
    assert is_signed_in(client)
    # Signed in by phone, but no admin page until an authenticator is set up in this session.
    for path in ("/admin/", "/django-admin/", "/vi/"):
        assert client.get(path)["Location"].startswith(reverse("mfa_activate_totp")), path
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    clock.shift(30)
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_an_enrolled_officer_whose_session_lacks_the_authenticator_step_is_asked_for_it(client, units, clock):
    """A session begun any other way (here: a password before the app was set up) is stopped."""
    user = make_staff("commune officer", units, PHONE)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert is_signed_in(client)  # no authenticator yet: allauth signs in, the middleware stops
    secret = enrol(user)
    response = client.get("/admin/")
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fadmin%2F"
    pass_totp(client, clock, secret, page="mfa_reauthenticate")
    assert client.get("/admin/").status_code == 200


def test_team_members_are_not_asked_for_an_authenticator(
    client, units, clock, capsys, django_capture_on_commit_callbacks
):
    RoleAssignmentFactory(user=UserFactory(phone=PHONE), role=Role.TEAM_LEADER, commune=units["commune"])
    code = request_phone_code(client, "0912345678", capsys, django_capture_on_commit_callbacks)
    client.post(reverse("account_confirm_login_code"), {"code": code})
    assert is_signed_in(client)
    assert client.get("/vi/find-your-team/").status_code == 200


def test_the_session_table_never_holds_a_pending_code(
    client, units, capsys, django_capture_on_commit_callbacks
):
    UserFactory(phone=PHONE)
    with time_machine.travel(MIDNIGHT, tick=False):
        code = request_phone_code(client, "0912 345 678", capsys, django_capture_on_commit_callbacks)
    stored = [(row.session_data, json.dumps(row.get_decoded())) for row in Session.objects.all()]
    assert stored, "the pending sign-in is kept in the session table"
    assert not any(code in raw or code in decoded for raw, decoded in stored)
    # What is kept instead is the keyed hash of the code, which the confirm page compares.
    assert any(code_digest(code) in decoded for _raw, decoded in stored)
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_no_code_of_ours_starts_a_session_by_itself():
    """Sessions start only in allauth's login flow (its stages, then accounts.middleware)."""
    root = Path(settings.BASE_DIR)
    ours = [
        path
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] not in {".venv", "bench", "node_modules", "conftest.py"}
        and "tests" not in path.relative_to(root).parts  # the top tests/ and every <app>/tests/
    ]
    callers = []
    for path in ours:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in {"login", "force_login"}:
                    callers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert ours
    assert callers == []


def test_an_unverified_staff_phone_is_confirmed_by_code_before_the_authenticator(
    client, units, clock, capsys, django_capture_on_commit_callbacks
):
    """allauth's phone check at sign-in keeps only the code's hash too (accounts.forms)."""
    user = make_staff("province officer", units, PHONE)
    user.phone_verified = False
    user.save()
    secret = enrol(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("account_verify_phone")
    code = re.findall(r"\b(\d{6})\b", sent_texts(capsys))[-1]
    wrong = "000000" if code != "000000" else "111111"
    assert client.post(reverse("account_verify_phone"), {"code": wrong}).status_code == 200
    response = client.post(reverse("account_verify_phone"), {"code": code})
    assert response["Location"] == reverse("mfa_authenticate")
    assert_admins_refuse(client)
    pass_totp(client, clock, secret)
    assert_admin_opens(client, user)
    user.refresh_from_db()
    assert user.phone_verified


def test_removing_the_authenticator_closes_the_admin_for_this_session(client, units, clock):
    user = make_staff("editor", units, PHONE)
    secret = enrol(user)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    pass_totp(client, clock, secret)
    assert client.get("/admin/").status_code == 200
    assert client.post(reverse("mfa_deactivate_totp")).status_code == 302
    assert client.get("/admin/")["Location"].startswith(reverse("mfa_activate_totp"))
