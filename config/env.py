"""Reading settings from the environment, failing with one clear line per bad value.

Values come from the process environment; then, only when asked (DJANGO_ENV_FILE names it, as
the Makefile's demo and serve targets do for the `.env` holding the demo's generated key), from
that file; then from the defaults of the settings module in use (config/settings/local.py,
test.py). The test settings never read a file: a developer's `.env` cannot point the suite at
another database. Every reader checks its value, so a bad one stops start-up naming it.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
ENV_FILE_VARIABLE = "DJANGO_ENV_FILE"

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
BROKER_SCHEMES = {"redis", "rediss", "amqp", "pyamqp", "filesystem", "memory"}
CLOCK = re.compile(r"(\d{2}):(\d{2})")
DOTTED_PATH = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")


class SettingError(ImproperlyConfigured):
    """A setting the operator gave is missing or malformed; the message names it."""


_FILE_VALUES = {}
_MODULE_DEFAULTS = {}


def read_env_file_if_asked():
    """Read the file DJANGO_ENV_FILE names (relative to the repository root), if it names one."""
    name = os.environ.get(ENV_FILE_VARIABLE, "")
    if not name:
        return
    path = BASE_DIR / name
    if not path.is_file():
        raise SettingError(f"{ENV_FILE_VARIABLE} names {path}, which is not a file")
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        variable, _, value = line.partition("=")
        _FILE_VALUES[variable.strip()] = value.strip().strip("'\"")


def set_defaults(**values):
    """Defaults of one settings module, below the environment and the file."""
    _MODULE_DEFAULTS.update(values)


def get(name, default=None):
    for source in (os.environ, _FILE_VALUES, _MODULE_DEFAULTS):
        if name in source:
            return source[name]
    return default


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


def get_int(name, default, minimum=0):
    raw = get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < minimum:
        raise SettingError(f"{name} must be a whole number from {minimum}, not {raw!r}")
    return value


def get_float(name, default, minimum=0.0):
    raw = get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        value = None
    if value is None or not minimum <= value < float("inf"):
        raise SettingError(f"{name} must be a number from {minimum:g}, not {raw!r}")
    return value


def get_choice(name, default, choices):
    raw = get(name)
    if raw is None or raw == "":
        return default
    if raw not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)}, not {raw!r}")
    return raw


def get_clock(name, default):
    """A time of day as HH:MM, 00:00 to 24:00 (the end of the day)."""
    raw = get(name)
    if raw is None or raw == "":
        return default
    match = CLOCK.fullmatch(raw.strip())
    hour, minute = map(int, match.groups()) if match else (99, 99)
    if not ((hour < 24 and minute < 60) or (hour, minute) == (24, 0)):
        raise SettingError(f"{name} must be a time of day as HH:MM (e.g. 07:00), not {raw!r}")
    return raw.strip()


def get_url(name, default):
    """An http(s) address with a host, without a trailing slash."""
    raw = get(name)
    if raw is None or raw == "":
        return default
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SettingError(f"{name} must be an address such as https://example.vn, not {raw!r}")
    return raw.rstrip("/")


def get_list(name, default=()):
    raw = get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def get_origins(name):
    """Addresses separated by commas, each with its scheme (https://example.vn)."""
    origins = get_list(name)
    for origin in origins:
        parts = urlsplit(origin)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise SettingError(f"{name} must be addresses such as https://example.vn, not {origin!r}")
    return origins


def redis_url():
    """REDIS_URL, the shared cache; empty for the database cache of the embedded mode."""
    url = get("REDIS_URL", "")
    if url and urlsplit(url).scheme not in {"redis", "rediss", "unix"}:
        raise SettingError(f"REDIS_URL must start with redis://, rediss:// or unix://, not {url!r}")
    return url


def get_hours(name, default):
    """Hours separated by commas (e.g. 24,2), each above zero."""
    try:
        hours = {float(item) for item in get_list(name, default)}
    except ValueError:
        hours = set()
    if not hours or min(hours) <= 0 or max(hours) == float("inf"):
        raise SettingError(f"{name} must be hours above 0 separated by commas, e.g. 24,2, not {get(name)!r}")
    return hours


def get_dotted_path(name, default):
    """A Python class named by its dotted path (e.g. django.core.mail.backends.smtp.EmailBackend)."""
    raw = get(name)
    if raw is None or raw == "":
        return default
    if not DOTTED_PATH.fullmatch(raw):
        raise SettingError(f"{name} must be a dotted path such as {default}, not {raw!r}")
    return raw


# The embedded mode's processes (gunicorn's workers, Celery's) write one SQLite file. A transaction
# that began by reading and then wrote was refused at once ("database is locked") whenever another
# process was writing, as SQLite does to avoid a deadlock, and the database cache drops a refused
# write without a word: a rate limit's count was lost, and a fourth sign-in text went to one phone.
# Each transaction takes the write lock when it begins instead, waiting up to 20 s for it.
SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20}


def database(default_sqlite_path):
    """DATABASES['default'] from DATABASE_URL: PostgreSQL 15+ or SQLite, nothing else."""
    url = get("DATABASE_URL", "")
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(default_sqlite_path),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
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
    if scheme == "sqlite":
        config["OPTIONS"] = dict(SQLITE_OPTIONS)
    else:
        # Our queries are short reads of indexed rows and small totals tables. PostgreSQL's JIT
        # once spent 1.5 s compiling a six-table join for a guide page on freshly loaded tables,
        # whose row estimates were wrong: it never pays here, and can cost a page a second.
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
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
        return {"BACKEND": "runtime.storages.PrivateFileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": get_url("PRIVATE_S3_ENDPOINT_URL", None),
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
