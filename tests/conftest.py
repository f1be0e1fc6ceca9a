"""Shared fixtures: services that may be absent, the browser, and where tests write files.

A test that needs PostgreSQL, Redis or Chromium skips with the reason when the service is
missing, and fails instead when REQUIRE_SERVICES=1 (as in CI), so CI can never pass by skipping.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT_ROOT = Path(settings.BASE_DIR) / "test-results"


def missing_service(reason):
    """Skip, or fail when services are required."""
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def client():
    """Django's test client, whose force_login stands for a completed sign-in (tests/sessions.py)."""
    from tests.sessions import SignedInClient

    return SignedInClient()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _redis_cache_starts_empty(settings):
    """Redis outlives each test's transaction (the database cache does not): rate-limit counters
    and cached pages of one test would otherwise reach the next."""
    if "redis" in settings.CACHES["default"]["BACKEND"]:
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def output_dir(request):
    """test-results/<test name>/: screenshots and files a person may want to look at."""
    path = OUTPUT_ROOT / re.sub(r"[^\w.-]+", "_", request.node.name)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL is not the database (set DATABASE_URL=postgres://…)")
    return connection


@pytest.fixture
def redis_url():
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        missing_service(f"no Redis server answers at {url}")
    return url


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        missing_service(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls tests make
    # between page actions are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone_page(browser):
    """A page in a 360×740 phone viewport, the screen most of our users have."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def home_pages(db):
    """The demo home pages: Vietnamese at /vi/, English at /en/."""
    from io import StringIO

    from cms import demo

    demo.load(StringIO())


@pytest.fixture
def fake_twilio(settings):
    """The fake Twilio server (tests/fake_twilio.py) running, and the outbox pointed at it."""
    from tests.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio

    fake = FakeTwilio().start()
    settings.SMS_PROVIDER = "twilio"
    settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.TWILIO_SENDER_ID = "TOCONGNGHE"
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.TWILIO_API_BASE_URL = fake.base_url
    settings.TWILIO_TIMEOUT = 2.0
    settings.SMS_RATE_PER_SECOND = 0
    yield fake
    fake.stop()


@pytest.fixture
def tasks_in_process():
    """Celery tasks run where they are queued, as in the embedded mode, even when the test run
    has a broker configured (CI sets CELERY_BROKER_URL for the reliability tests' real worker)."""
    from config.celery_app import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
