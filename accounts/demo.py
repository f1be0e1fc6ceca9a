"""Demo people. The password is for a local demo only and is printed in the README."""

from accounts.models import User

DEMO_PASSWORD = "demo-Totechso-2026"  # noqa: S105  (published demo credential, not a secret)
ADMIN_EMAIL = "admin@example.vn"


def load(stdout):
    admin, created = User.objects.get_or_create(
        email=ADMIN_EMAIL,
        defaults={"full_name": "Quản trị viên Demo", "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    stdout.write(f"Administrator: {ADMIN_EMAIL}.")
