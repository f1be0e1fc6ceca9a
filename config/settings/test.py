"""pytest's settings: the shared ones with a throwaway key, plain HTTP and fast password hashing.

Never reads a `.env` (not even with DJANGO_ENV_FILE set): the suite runs against what the shell
says, or SQLite. Time zone stays Asia/Ho_Chi_Minh on purpose, so time-zone mistakes show up.
"""

from config import env

env.set_defaults(DJANGO_SECRET_KEY="test-only-not-secret", DJANGO_HTTPS="0")  # noqa: S106 (tests only)

from config.settings.base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "config.storages.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
