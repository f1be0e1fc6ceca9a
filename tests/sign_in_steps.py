"""Steps of a sign-in through the real pages, shared by the sign-in and invitation tests.

Texts go through the console provider, so a test reads a code or a link where the phone would:
in what was sent. TOTP codes are computed for the clock the test travelled to (time_machine with
tick=False), so a 30-second boundary can never fall between computing and typing one.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from accounts.models import Role
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.totp import totp_code  # noqa: F401  (the sign-in tests take it from here with the other steps)

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# Inside the sending window (07:00-21:00), on the 1st: invitations go out at once.
MORNING = datetime(2026, 12, 1, 9, 0, tzinfo=VIETNAM)
# Sign-in codes go at any hour: half past midnight on the 1st.
MIDNIGHT = datetime(2026, 12, 1, 0, 30, tzinfo=VIETNAM)
PASSWORD = "a-long-test-password"

# Everyone who can open /admin/ or /django-admin/, and the unit their role is held in.
STAFF_ROLES = {
    "national admin": (Role.NATIONAL_ADMIN, None),
    "province officer": (Role.PROVINCE_OFFICER, "province"),
    "commune officer": (Role.COMMUNE_OFFICER, "commune"),
    "editor": (Role.CONTENT_EDITOR, None),
    "Django superuser": (None, None),
}


def make_staff(kind, units, phone):
    """A person of `kind` (a STAFF_ROLES key) with an email, a phone and no authenticator yet."""
    role, unit = STAFF_ROLES[kind]
    superuser = role is None
    user = UserFactory(phone=phone, phone_verified=True, is_staff=superuser, is_superuser=superuser)
    if role is not None:
        RoleAssignmentFactory(user=user, role=role, two_factor=False, **({unit: units[unit]} if unit else {}))
    return user


def enrol(user):
    """An authenticator app set up for `user`; returns its secret (what the phone app holds)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sent_texts(capsys):
    """What the console provider printed since the last call: the texts as phones got them."""
    return capsys.readouterr().out


def request_phone_code(client, phone, capsys, on_commit):
    """Ask for a sign-in code on the phone page; returns the 6 digits the phone received."""
    with on_commit(execute=True):
        response = client.post(reverse("account_request_login_code"), {"phone": phone})
    assert response.status_code == 302, response.content.decode()[:2000]
    return last_code(capsys)


def sign_in_by_code(client, phone, capsys, on_commit):
    """The whole phone sign-in: ask for a code, read it from the text, type it; returns the answer."""
    code = request_phone_code(client, phone, capsys, on_commit)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302, "the code was not accepted"
    return response


def last_code(capsys):
    codes = re.findall(r"\b(\d{6})\b", sent_texts(capsys))
    assert codes, "no sign-in code was texted"
    return codes[-1]


def deliver_scheduled_texts(capsys, on_commit):
    """Run the outbox's dispatcher (invitations wait for it, unlike sign-in codes); returns the texts."""
    from messaging.dispatch import dispatch_due

    with on_commit(execute=True):
        dispatch_due()
    return sent_texts(capsys)


def invitation_link_path(texts):
    """The path of the invitation link in the texts a phone received."""
    links = re.findall(r"https?://[^/\s]+(/invitation/[\w-]+/)", texts)
    assert links, f"no invitation link in {texts!r}"
    return links[-1]


def is_signed_in(client):
    return "_auth_user_id" in client.session


def assert_admins_refuse(client):
    """Neither admin opens: a redirect to sign-in or to two-factor, never a page."""
    for path in ("/admin/", "/django-admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        location = response["Location"]
        assert location.startswith(("/accounts/login/", "/django-admin/login/", "/accounts/2fa/")), (
            path,
            location,
        )


def assert_admin_opens(client, user):
    assert client.get("/admin/").status_code == 200
    if user.is_staff:
        assert client.get("/django-admin/").status_code == 200
