"""pytest's settings: the shared ones with a throwaway key, plain HTTP and fast password hashing.

Never reads a `.env` (not even with DJANGO_ENV_FILE set): the suite runs against what the shell
says, or SQLite. Time zone stays Asia/Ho_Chi_Minh on purpose, so time-zone mistakes show up.
"""

import os

from config import env

env.set_defaults(DJANGO_SECRET_KEY="test-only-not-secret", DJANGO_HTTPS="0")  # noqa: S106 (tests only)

from config.settings.base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "runtime.storages.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# pytest-xdist runs one process per worker ("gw0", "gw1", …); pytest-django gives each its own
# test database, and here each keeps its cache keys under its own prefix in the one shared Redis,
# so a worker clearing its cache before a test (conftest.py) never empties another's. Set by
# pytest-xdist itself, not by the person running the tests: not a setting to validate.
# Image renditions too: their keys hold image ids, which each worker's database numbers alike.
for _alias in ("default", "renditions"):
    CACHES[_alias]["KEY_PREFIX"] = "test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405

# SQLite: test databases in files, not Django's shared in-memory one. The live server's threads
# shared that one connection with the test and the browser tests failed with "InterfaceError: bad
# parameter or other API misuse"; a file gives each thread its own connection. One file per process
# (.run/test-database-<pid>, pytest-django adds _gw0… per xdist worker), so two runs at once in one
# clone never copy over each other's database, as they never did in memory.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    (BASE_DIR / ".run").mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".run" / f"test-database-{os.getpid()}")}  # noqa: F405
