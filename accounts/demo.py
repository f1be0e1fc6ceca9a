"""Demo people, one per role. The password is for a local demo only and is printed in the README.

Officers and editors sign in with email and password, then set up an authenticator app (staff
must); the team leader and member sign in with their phone: the code shows in the console.
"""

from functools import cache

from django.contrib.auth.hashers import make_password

from accounts.models import Role, RoleAssignment, User
from places.models import Commune, Province

DEMO_PASSWORD = "demo-Totechso-2026"  # noqa: S105  (published demo credential, not a secret)
ADMIN_EMAIL = "admin@example.vn"
HANOI, BAT_TRANG = "01", "00583"

# (email, phone, full name, role, unit code or None)
DEMO_PEOPLE = [
    (ADMIN_EMAIL, None, "Quản trị viên Demo", Role.NATIONAL_ADMIN, None),
    ("tinh@example.vn", None, "Nguyễn Văn Tỉnh", Role.PROVINCE_OFFICER, HANOI),
    ("xa@example.vn", None, "Phạm Thị Xã", Role.COMMUNE_OFFICER, BAT_TRANG),
    ("bientap@example.vn", None, "Lê Minh Biên", Role.CONTENT_EDITOR, None),
    (None, "+84912345678", "Trần Văn Hùng", Role.TEAM_LEADER, BAT_TRANG),
    (None, "+84987654321", "Đỗ Thị Lan", Role.TEAM_MEMBER, BAT_TRANG),
]


def demo_user(email, phone, full_name, role):
    """The demo user with this email (or phone), created once; teams.demo links the phone users
    to their places on the team."""
    lookup = {"email": email} if email else {"phone": phone}
    user, created = User.objects.get_or_create(
        **lookup,
        defaults={
            "full_name": full_name,
            "phone": phone,
            "phone_verified": bool(phone),
            "is_staff": role == Role.NATIONAL_ADMIN,
            "is_superuser": role == Role.NATIONAL_ADMIN,
        },
    )
    if created:
        # People who sign in by phone have no password at all: a code by SMS is their only way in.
        user.password = _demo_password_hash() if email else make_password(None)
        user.save()
    return user


@cache
def _demo_password_hash():
    """The published demo password hashed once for the four staff users: each hash costs a
    second of CPU on purpose (PBKDF2), which a newcomer would otherwise wait for four times."""
    return make_password(DEMO_PASSWORD)


def load(stdout):
    for email, phone, full_name, role, unit in DEMO_PEOPLE:
        user = demo_user(email, phone, full_name, role)
        where = {}
        if unit and len(unit) == 2:
            where["province"] = Province.objects.get(code=unit)
        elif unit:
            where["commune"] = Commune.objects.get(code=unit)
        RoleAssignment.objects.get_or_create(user=user, role=role, **where)
    stdout.write(f"People: {len(DEMO_PEOPLE)} demo users, one per role (see README.md).")
