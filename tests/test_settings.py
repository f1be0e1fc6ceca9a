"""A bad setting stops start-up with one line naming it."""

import os
import subprocess
import sys
from importlib.util import find_spec
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from config.env import private_storage


def manage(*args, **env):
    """manage.py in a fresh process, without the variables this test session set for itself."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {**inherited, "DJANGO_SECRET_KEY": "x", "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def run_check(**env):
    return manage("check", **env)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "mysql://root@localhost/db"),
        ("DATABASE_URL", "not a url"),
        ("CELERY_BROKER_URL", "kafka://localhost"),
        ("DJANGO_DEBUG", "maybe"),
    ],
)
def test_malformed_setting_gives_one_clear_line(name, value):
    result = run_check(**{name: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert "Traceback" not in result.stderr


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
        "Configuration error: DJANGO_SECRET_KEY is not set (`make demo` writes one to .env; production sets its own)"
    )


def test_production_settings_pass_the_deploy_check():
    env = {
        "DJANGO_SECRET_KEY": "p" * 60 + "-Zq8!x",
        "DJANGO_HTTPS": "1",
        "DJANGO_ALLOWED_HOSTS": "totechso.vn",
    }
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_use_vietnam_time_and_language():
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]


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
