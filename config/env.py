"""Reading settings from the environment, failing with one clear line per bad value.

Values come from the process environment, then from a `.env` file at the repository root
(the demo writes its generated secret key there; git ignores it).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
ENV_FILE = BASE_DIR / ".env"

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
BROKER_SCHEMES = {"redis", "rediss", "amqp", "pyamqp", "filesystem", "memory"}


class SettingError(ImproperlyConfigured):
    """A setting the operator gave is missing or malformed; the message names it."""


def _read_env_file(path=ENV_FILE):
    values = {}
    if not path.exists():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.partition("=")
        values[name.strip()] = value.strip().strip("'\"")
    return values


_FILE_VALUES = _read_env_file()


def get(name, default=None):
    if name in os.environ:
        return os.environ[name]
    return _FILE_VALUES.get(name, default)


def get_bool(name, default=False):
    raw = get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SettingError(f"{name} must be 1 or 0 (true/false), not {raw!r}")


def get_int(name, default):
    raw = get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{name} must be a whole number, not {raw!r}") from None


def get_float(name, default):
    raw = get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise SettingError(f"{name} must be a number, not {raw!r}") from None


def get_list(name, default=()):
    raw = get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database(default_sqlite_path):
    """DATABASES['default'] from DATABASE_URL: PostgreSQL 15+ or SQLite, nothing else."""
    url = get("DATABASE_URL", "")
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    scheme = urlsplit(url).scheme
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise SettingError(
            f"DATABASE_URL must start with postgres:// or sqlite:///, not {scheme + '://' if scheme else repr(url)}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=get_int("DATABASE_CONN_MAX_AGE", 60))
    except ValueError as error:
        raise SettingError(f"DATABASE_URL is malformed: {error}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise SettingError("DATABASE_URL names no database (add /dbname at the end)")
    return config


def broker_url():
    """CELERY_BROKER_URL, or None for the embedded mode where tasks run in the calling process."""
    url = get("CELERY_BROKER_URL", "")
    if not url:
        return None
    scheme = urlsplit(url).scheme
    if scheme not in BROKER_SCHEMES:
        raise SettingError(
            f"CELERY_BROKER_URL must start with one of {', '.join(sorted(BROKER_SCHEMES))}://, not {url!r}"
        )
    return url


def private_storage():
    """STORAGES["private"]: a folder (PRIVATE_MEDIA_ROOT), or a private S3-compatible bucket when
    PRIVATE_S3_BUCKET is set (platform/private-files.md)."""
    bucket = get("PRIVATE_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "config.storages.PrivateFileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": get("PRIVATE_S3_ENDPOINT_URL") or None,
            "region_name": get("PRIVATE_S3_REGION") or None,
            "access_key": get("PRIVATE_S3_ACCESS_KEY_ID"),
            "secret_key": get("PRIVATE_S3_SECRET_ACCESS_KEY"),
            "location": get("PRIVATE_S3_PREFIX", ""),
            "default_acl": "private",
            # No links to hand out, signed or not: files leave only through our views.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
