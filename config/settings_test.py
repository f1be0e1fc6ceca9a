"""Test settings: the real settings with a throwaway key and fast password hashing.

Time zone stays Asia/Ho_Chi_Minh on purpose, so time-zone mistakes show up in tests.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DJANGO_HTTPS", "0")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "config.storages.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# pytest-xdist runs one process per worker ("gw0", "gw1", …); pytest-django gives each its own
# test database, and here each keeps its cache keys under its own prefix in the one shared Redis,
# so a worker clearing its cache before a test (tests/conftest.py) never empties another's.
CACHES["default"]["KEY_PREFIX"] = "test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
