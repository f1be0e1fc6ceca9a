"""Every README URL answers every demo user as the README says, after a real sign-in.

The users come from the README's demo-users table and the URLs from its "Open:" table, so the
README cannot drift from the demo: staff sign in with the printed password and an authenticator
code, team users with their phone and the code the console prints. The demo is built once per
worker and written back for the module (`demo`, tests/shared_fixtures.py).
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.totp import totp_code
from trainings.models import Registration, TrainingSession
from trainings.reminders import pending_reminders

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("tasks_in_process"),
    pytest.mark.xdist_group("whole_demo"),
]

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
BASE = "http://127.0.0.1:8000"


def _table(heading):
    """The rows of the first table after `heading`, as lists of cell texts."""
    section = README.split(heading, 1)[1]
    lines = re.search(r"((?:^\|.*\|\n)+)", section, re.M).group(1).splitlines()
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


README_URLS = [re.search(r"http://\S+", url).group(0).removeprefix(BASE) for _what, url in _table("Open:")]
DEMO_USERS = {
    row[0]: {
        "sign_in": re.search(r"`([^`]+)`", row[2]).group(1),
        "password": re.search(r"`([^`]+)`", row[3]).group(1) if "`" in row[3] else None,
    }
    for row in _table("## Demo users")
}
OFFICERS = {"National administrator", "Province officer", "Commune officer"}
STAFF = OFFICERS | {"Content editor"}
LEADER, MEMBER = "Team leader", "Team member"
EVERYONE = STAFF | {LEADER, MEMBER}

# What the README promises at each URL: who gets the page (200), everyone else a refusal (403).
# Words the page must show for a role prove it is that person's own data.
PROMISES = {
    "/vi/": {"open to": EVERYONE},
    "/en/": {"open to": EVERYONE},
    "/admin/": {"open to": STAFF},
    "/vi/trainings/": {"open to": EVERYONE},
    "/vi/team/trainings/": {
        "open to": OFFICERS | {LEADER},
        "shows": {LEADER: ["Nhận biết lừa đảo trên mạng", "Thôn Giang Cao"]},
    },
    "/healthz": {"open to": EVERYONE},
    "/vi/team/": {
        "open to": {LEADER, MEMBER},
        "shows": {LEADER: ["Thôn Giang Cao"], MEMBER: ["Thôn Giang Cao"]},
    },
    "/vi/team/log/month/": {"open to": {LEADER}},
    "/vi/team/log/import/": {"open to": {LEADER}, "shows": {LEADER: ["Thôn Giang Cao"]}},
    "/vi/team/households/": {
        "open to": {LEADER, MEMBER},
        "shows": {LEADER: ["Thôn Giang Cao"], MEMBER: ["Thôn Giang Cao"]},
    },
    "/vi/dashboard/": {
        "open to": OFFICERS,
        "shows": {"Commune officer": ["Bát Tràng"], "Province officer": ["Hà Nội"]},
    },
    "/vi/find-your-team/": {"open to": EVERYONE},
    "/vi/questions/": {
        "open to": EVERYONE,
        "shows": {MEMBER: ["Kích hoạt VNeID mức 2 có phải ra công an xã không?", "Xã Bát Tràng"]},
    },
    "/vi/questions/moderate/": {"open to": {"National administrator", "Province officer"}},
    "/accounts/login/": {"open to": set()},  # where people sign in: the sign-in test below
}


def sign_in(client, role, capsys, django_capture_on_commit_callbacks):
    """Sign in as the README's user for `role`, through the pages the README names."""
    user = DEMO_USERS[role]
    if user["password"]:
        response = client.get("/admin/")
        assert response["Location"].startswith(reverse("account_login"))
        person = User.objects.get(email=user["sign_in"])
        secret = generate_totp_secret()
        TOTP.activate(person, secret)  # what the person did at their first sign-in
        response = client.post(response["Location"], {"login": user["sign_in"], "password": user["password"]})
        assert response["Location"].startswith(reverse("mfa_authenticate"))
        response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    else:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("account_request_login_code"), {"phone": user["sign_in"]})
        code = re.findall(r"\b(\d{6})\b", capsys.readouterr().out)[-1]
        response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302, f"{role} could not sign in"
    return response


def test_the_readme_tables_are_the_ones_this_test_knows():
    assert set(README_URLS) == set(PROMISES)
    assert set(DEMO_USERS) == EVERYONE


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_each_demo_user_signs_in_as_the_readme_says(
    demo, client, role, capsys, django_capture_on_commit_callbacks
):
    response = sign_in(client, role, capsys, django_capture_on_commit_callbacks)
    assert client.get(response["Location"], follow=True).status_code == 200


CASES = [(url, role) for url in README_URLS if url != "/accounts/login/" for role in sorted(EVERYONE)]


@pytest.mark.parametrize(("url", "role"), CASES)
def test_each_readme_url_answers_each_demo_user_as_promised(
    demo, client, url, role, capsys, django_capture_on_commit_callbacks
):
    sign_in(client, role, capsys, django_capture_on_commit_callbacks)
    response = client.get(url, follow=True)
    promise = PROMISES[url]
    if role in promise["open to"]:
        assert response.status_code == 200
        page = response.content.decode()
        for words in promise.get("shows", {}).get(role, []):
            assert words in page
    else:
        # Refused with a page, not sent round in circles or to the sign-in form again.
        assert response.status_code == 403


@pytest.mark.parametrize("role", ["Commune officer", "Province officer"])
def test_officers_open_the_admin_session_list_the_readme_sends_them_to(
    demo, client, role, capsys, django_capture_on_commit_callbacks
):
    sign_in(client, role, capsys, django_capture_on_commit_callbacks)
    response = client.get("/admin/trainings/sessions/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nhận biết lừa đảo trên mạng" in page
    assert "Xã Bát Tràng" in page


def test_the_demo_leader_takes_attendance_at_the_session_held_three_days_ago(
    demo, client, capsys, django_capture_on_commit_callbacks
):
    sign_in(client, LEADER, capsys, django_capture_on_commit_callbacks)
    held = TrainingSession.objects.get(village__name="Thôn Giang Cao", starts_at__lt=timezone.now())
    page = client.get(reverse("trainings:attendance", args=[held.pk]))
    registered = list(held.registrations.all())
    assert page.status_code == 200
    assert len(registered) >= 10
    for registration in registered:
        assert registration.full_name in page.content.decode()
    came = [registration.pk for registration in registered[:-2]]
    client.post(reverse("trainings:attendance", args=[held.pk]), {"came": came})
    held.refresh_from_db()
    assert held.status == TrainingSession.Status.HELD
    assert sorted(held.registrations.filter(attended=True).values_list("pk", flat=True)) == sorted(came)


def test_the_leader_has_upcoming_sessions_with_reminders_waiting(demo):
    upcoming = TrainingSession.objects.upcoming().filter(village__name="Thôn Giang Cao")
    assert upcoming.count() >= 2
    assert pending_reminders(Registration.objects.filter(session__in=upcoming)).exists()


def test_loading_the_demo_again_changes_nothing(demo):
    def rows():
        return {model._meta.label: model.objects.count() for model in apps.get_models()}

    before = rows()
    call_command("load_demo", stdout=StringIO())
    assert rows() == before
