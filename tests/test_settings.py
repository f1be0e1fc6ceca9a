"""A bad setting stops start-up with one line naming it; each settings module reads what it should."""

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


def manage(*args, **env):
    """manage.py in a fresh process, without the variables this test session set for itself;
    a variable given as None is left out."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        **env,
    }
    environment = {name: value for name, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "p" * 60 + "-Zq8!x",
    "DJANGO_HTTPS": "1",
    "DJANGO_ALLOWED_HOSTS": "totechso.vn",
    "DATABASE_URL": "postgres://totechso@127.0.0.1:5432/totechso",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


def run_check(**env):
    return manage("check", **env)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
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
    ],
)
def test_malformed_setting_stops_start_up_with_one_line_saying_what_is_expected(name, value, expected):
    result = run_check(**{name: value})
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Configuration error: {name} {expected}"), result.stderr


@pytest.mark.parametrize(
    ("env", "line"),
    [
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
    ],
)
def test_production_refuses_what_only_the_embedded_mode_may_do_without(env, line):
    result = manage("check", **{**PRODUCTION, **env})
    assert result.stderr == f"Configuration error: {line}\n"


def names_database(settings_module, env_file):
    """The database NAME the settings module ends with, asked to read env_file, in a fresh process."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        DJANGO_SETTINGS_MODULE=settings_module,
        DJANGO_ENV_FILE=str(env_file),
        DATABASE_URL=None,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_test_settings_never_read_a_dot_env_pointing_at_another_database(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DATABASE_URL=postgres://someone@127.0.0.1:5432/someone_elses_database\n")

    # The file works (the local settings, asked, use it); the test settings ignore it all the same.
    assert names_database("config.settings.local", env_file) == "someone_elses_database"
    assert names_database("config.settings.test", env_file) == str(settings.BASE_DIR / "db.sqlite3")


def test_celery_workers_log_through_the_django_logging_settings():
    """Celery's own set-up would give the root logger its format and leave twilio's INFO lines on."""
    script = (
        "import logging, django; django.setup(); from config.celery_app import app; "
        "app.log.setup(loglevel='INFO'); root = logging.getLogger(); "
        "print(logging.getLevelName(root.level), root.handlers[0].formatter._fmt, "
        "logging.getLevelName(logging.getLogger('twilio.http_client').level), sep='|')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "LOG_LEVEL": "ERROR"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "ERROR|%(asctime)s %(levelname)s %(name)s %(message)s|WARNING", (
        result.stderr
    )


def test_private_files_inside_public_media_are_refused():
    inside = settings.BASE_DIR / "media" / "private"
    result = run_check(MEDIA_ROOT=str(settings.BASE_DIR / "media"), PRIVATE_MEDIA_ROOT=str(inside))
    assert result.returncode != 0
    assert result.stderr.strip() == (
        f"Configuration error: PRIVATE_MEDIA_ROOT must be outside {settings.BASE_DIR / 'media'}, "
        "which is served to anyone"
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
def test_a_bucket_without_its_client_library_is_one_clear_line():
    result = run_check(PRIVATE_S3_BUCKET="totechso-private")
    assert result.stderr.strip() == (
        "Configuration error: PRIVATE_S3_BUCKET is set but boto3 is not installed (pip install boto3)"
    )


def test_missing_secret_key_is_named():
    result = run_check(DJANGO_SECRET_KEY="")
    assert result.stderr.strip() == (
        "Configuration error: DJANGO_SECRET_KEY is not set (`make demo` writes one to .env, read with DJANGO_ENV_FILE=.env; production sets its own)"
    )


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
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
