"""A bad setting stops start-up with one line naming it; each settings module reads what it should.

Start-up is seen from fresh processes (tests/fresh_processes.py); those stopped by their settings
are started together, by the `start_up` fixture, instead of one Python start-up each."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from importlib.util import find_spec
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template

from config.env import private_storage
from tests.fresh_processes import run_each


def environment(**env):
    """The environment of a fresh manage.py, without the variables this test session set for
    itself; a variable given as None is left out."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        **env,
    }
    return {name: value for name, value in environment.items() if value is not None}


def check(**env):
    return ["manage.py", "check"], environment(**env)


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "p" * 60 + "-Zq8!x",
    "DJANGO_HTTPS": "1",
    "DJANGO_ALLOWED_HOSTS": "totechso.vn",
    "DATABASE_URL": "postgres://totechso@127.0.0.1:5432/totechso",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}

MALFORMED = [
    (
        "DATABASE_URL",
        "mysql://root@localhost/db",
        "must start with postgres:// or sqlite:///, not mysql://",
    ),
    ("DATABASE_URL", "not a url", "must start with postgres:// or sqlite:///, not 'not a url'"),
    ("DATABASE_URL", "postgres://db.example.vn", "names no database (add /dbname at the end)"),
    ("CELERY_BROKER_URL", "kafka://localhost", "must start with one of amqp, filesystem, memory, "),
    ("DJANGO_DEBUG", "maybe", "must be 1 or 0 (true/false), not 'maybe'"),
    ("SMS_WINDOW_START", "7h", "must be a time of day as HH:MM (e.g. 07:00), not '7h'"),
    ("SMS_WINDOW_END", "25:00", "must be a time of day as HH:MM (e.g. 07:00), not '25:00'"),
    ("SMS_WINDOW_END", "06:00", "must be later than SMS_WINDOW_START (07:00)"),
    ("LOG_LEVEL", "LOUD", "must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'"),
    ("SMS_PROVIDER", "carrier-pigeon", "must be one of console, twilio, not 'carrier-pigeon'"),
    ("SMS_RATE_PER_SECOND", "-5", "must be a whole number from 0, not '-5'"),
    ("SMS_BATCH_SIZE", "0", "must be a whole number from 1, not '0'"),
    ("SMS_RETRY_BASE_SECONDS", "soon", "must be a number from 0, not 'soon'"),
    ("INVITATION_LINK_MAX_AGE_HOURS", "0", "must be a whole number from 1, not '0'"),
    (
        "TRAINING_REMINDER_HOURS",
        "24,-2",
        "must be hours above 0 separated by commas, e.g. 24,2, not '24,-2'",
    ),
    ("SITE_URL", "totechso.vn", "must be an address such as https://example.vn, not 'totechso.vn'"),
    ("EMAIL_BACKEND", "smtp please", "must be a dotted path such as "),
    ("DEFAULT_FROM_EMAIL", "no-reply", "must be an email address, not 'no-reply'"),
    (
        "REDIS_URL",
        "localhost:6379",
        "must start with redis://, rediss:// or unix://, not 'localhost:6379'",
    ),
    ("DJANGO_CSRF_TRUSTED_ORIGINS", "totechso.vn", "must be addresses such as https://example.vn, not "),
    ("DJANGO_ENV_FILE", "no-such.env", "names "),
]

REFUSED_IN_PRODUCTION = [
    ({"DJANGO_HTTPS": "0"}, "DJANGO_HTTPS must be 1 in production (TLS ends at the load balancer)"),
    (
        {"DATABASE_URL": ""},
        "DATABASE_URL must be postgres://… in production (SQLite is the embedded mode)",
    ),
    ({"CELERY_BROKER_URL": ""}, "CELERY_BROKER_URL must name a Redis (or AMQP) broker in production"),
    (
        {"DJANGO_DEBUG": "1"},
        "DJANGO_DEBUG must be 0 in production: its error pages show settings and code",
    ),
]

PUBLIC_MEDIA = settings.BASE_DIR / "media"

# Every start-up the tests below see stopped by its settings, as the environment manage.py is given.
STOPPED_AT_START_UP = [
    *({name: value} for name, value, _ in MALFORMED),
    *({**PRODUCTION, **env} for env, _ in REFUSED_IN_PRODUCTION),
    {"MEDIA_ROOT": str(PUBLIC_MEDIA), "PRIVATE_MEDIA_ROOT": str(PUBLIC_MEDIA / "private")},
    {"PRIVATE_S3_BUCKET": "totechso-private"},
    {"DJANGO_SECRET_KEY": ""},
]


def _key(env):
    return tuple(sorted(env.items()))


@pytest.fixture(scope="module")
def start_up():
    """start_up(**env): how `manage.py check` ended given env, one of STOPPED_AT_START_UP; all of
    them run at once, when the first is asked for."""
    ended = run_each(check(**env) for env in STOPPED_AT_START_UP)
    results = dict(zip(map(_key, STOPPED_AT_START_UP), ended, strict=True))
    return lambda **env: results[_key(env)]


@pytest.mark.parametrize(("name", "value", "expected"), MALFORMED)
def test_malformed_setting_stops_start_up_with_one_line_saying_what_is_expected(
    start_up, name, value, expected
):
    result = start_up(**{name: value})
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Configuration error: {name} {expected}"), result.stderr


@pytest.mark.parametrize(("env", "line"), REFUSED_IN_PRODUCTION)
def test_production_refuses_what_only_the_embedded_mode_may_do_without(start_up, env, line):
    result = start_up(**{**PRODUCTION, **env})
    assert result.stderr == f"Configuration error: {line}\n"


def test_the_test_settings_never_read_a_dot_env_pointing_at_another_database(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DATABASE_URL=postgres://someone@127.0.0.1:5432/someone_elses_database\n")
    read = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"

    local, test = run_each(
        (
            ["-c", read],
            environment(DJANGO_SETTINGS_MODULE=module, DJANGO_ENV_FILE=str(env_file), DATABASE_URL=None),
        )
        for module in ("config.settings.local", "config.settings.test")
    )

    # The file works (the local settings, asked, use it); the test settings ignore it all the same.
    assert (local.returncode, test.returncode) == (0, 0), local.stderr + test.stderr
    assert local.stdout.strip() == "someone_elses_database"
    assert test.stdout.strip() == str(settings.BASE_DIR / "db.sqlite3")


def test_celery_workers_log_through_the_django_logging_settings():
    """Celery's own set-up would give the root logger its format and leave twilio's INFO lines on."""
    script = (
        "import logging, django; django.setup(); from config.celery_app import app; "
        "app.log.setup(loglevel='INFO'); root = logging.getLogger(); "
        "print(logging.getLevelName(root.level), root.handlers[0].formatter._fmt, "
        "logging.getLevelName(logging.getLogger('twilio.http_client').level), sep='|')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "LOG_LEVEL": "ERROR"}
    (result,) = run_each([(["-c", script], env)])
    assert result.stdout.strip() == "ERROR|%(asctime)s %(levelname)s %(name)s %(message)s|WARNING", (
        result.stderr
    )


def test_private_files_inside_public_media_are_refused(start_up):
    result = start_up(MEDIA_ROOT=str(PUBLIC_MEDIA), PRIVATE_MEDIA_ROOT=str(PUBLIC_MEDIA / "private"))
    assert result.returncode != 0
    assert result.stderr.strip() == (
        f"Configuration error: PRIVATE_MEDIA_ROOT must be outside {PUBLIC_MEDIA}, which is served to anyone"
    )


def test_a_private_bucket_is_private_and_never_signs_links(monkeypatch):
    monkeypatch.setenv("PRIVATE_S3_BUCKET", "totechso-private")
    monkeypatch.setenv("PRIVATE_S3_REGION", "hn-1")

    private = private_storage()

    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert private["OPTIONS"] | {"default_acl": "private", "querystring_auth": False} == private["OPTIONS"]
    assert (private["OPTIONS"]["bucket_name"], private["OPTIONS"]["region_name"]) == (
        "totechso-private",
        "hn-1",
    )


@pytest.mark.skipif(find_spec("boto3") is not None, reason="boto3 is installed here")
def test_a_bucket_without_its_client_library_is_one_clear_line(start_up):
    result = start_up(PRIVATE_S3_BUCKET="totechso-private")
    assert result.stderr.strip() == (
        "Configuration error: PRIVATE_S3_BUCKET is set but boto3 is not installed (pip install boto3)"
    )


def test_missing_secret_key_is_named(start_up):
    result = start_up(DJANGO_SECRET_KEY="")
    assert result.stderr.strip() == (
        "Configuration error: DJANGO_SECRET_KEY is not set (`make demo` writes one to .env, read with DJANGO_ENV_FILE=.env; production sets its own)"
    )


def test_production_settings_pass_the_deploy_check():
    (result,) = run_each(
        [(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment(**PRODUCTION))]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_moments_are_shown_in_vietnam_time():
    moment = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)
    rendered = Template('{{ moment|date:"d/m/Y H:i" }}').render(Context({"moment": moment}))
    assert rendered == "01/12/2026 00:30"


@pytest.mark.django_db
def test_a_visitor_asking_for_a_language_we_do_not_offer_reads_vietnamese(client, home_pages):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert (response.status_code, response["Location"]) == (302, "/vi/")


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    except SystemExit:
        pytest.fail(f"Models changed without a migration:\n{out.getvalue()}")


def test_importing_uuid_works_from_the_repo_root():
    """platform/ is configuration; as a package it would hide the standard library's platform."""
    result = subprocess.run(
        [sys.executable, "-c", "import uuid, platform; print(platform.system())"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
