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
from django.db import connection, connections

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
# Debian's headless shell (Chromium's own build for automation, which Playwright also prefers) when
# it is installed: the browser tests took 182 s of a 2-worker run with the full browser, 118 s with it.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    (path for path in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if Path(path).exists()),
    "/usr/bin/chromium",
)
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
# Fixtures several apps' tests share: the world and its layers, the roster map and officer, Wagtail's root page.
pytest_plugins = ["tests.shared_fixtures"]


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


def pytest_terminal_summary(terminalreporter, config):
    """The random order's seed at the end too: pytest-randomly prints it only in the header,
    which -q (as CI runs) hides, and a failure that depends on the order needs it to replay."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(f"Tests ran in random order: replay it with --randomly-seed={seed}")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test databases, copied from a migrated template (tests/template_database.py)
    instead of migrated by each worker; `--reuse-db` keeps pytest-django's own way."""
    from pytest_django.fixtures import _get_databases_for_setup

    from tests import database_snapshot, template_database

    if django_db_keepdb and not django_db_createdb:
        yield from _pytest_django_setup(request, django_db_blocker)
        return
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        old_config = template_database.setup_from_template(aliases, serialized_aliases, verbosity)
        migrated = {alias: database_snapshot.take(connections[alias]) for alias in aliases}
    with database_snapshot.instead_of_flushing(migrated):
        yield
    with django_db_blocker.unblock():
        template_database.teardown(old_config, verbosity)


def _pytest_django_setup(request, django_db_blocker):
    from django.test.utils import setup_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        setup_databases(
            request.config.option.verbose,
            interactive=False,
            keepdb=True,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )
    yield


@pytest.fixture(autouse=True)
def _language_and_time_zone_start_default():
    """Every test starts in the site's default language and time zone, and leaves them so: a request
    to /en/ leaves English active in the thread (LocaleMiddleware never deactivates it), and a test
    that read English afterwards passed or failed with the order the tests ran in."""
    from django.utils import timezone, translation

    translation.deactivate()
    timezone.deactivate()
    yield
    translation.deactivate()
    timezone.deactivate()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist on PostgreSQL, leave out the tests marked `alone`: `make test` runs them
    by themselves afterwards. Beside browser tests on 2 cores real Celery workers starved past the
    tests' waits, and the rows PostgreSQL reads changed with what other tests left open. They all
    need PostgreSQL: on SQLite they stay in, to skip (or fail, with REQUIRE_SERVICES=1) there."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    _group_the_tests_without_a_database(items)
    _name_the_groups(config, items)
    if connection.vendor != "postgresql":
        return
    alone = [item for item in items if item.get_closest_marker("alone")]
    if alone:
        config.hook.pytest_deselected(items=alone)
        items[:] = [item for item in items if not item.get_closest_marker("alone")]


def _group_the_tests_without_a_database(items):
    """The tests that need no database, in one group: the largest, so pytest-xdist's `loadgroup`
    gives it to a worker first. On a fresh clone that worker runs them while the template database
    migrates (tests/template_database.py), where before both workers waited for it."""
    for item in items:
        if not uses_database(item):
            item.add_marker(pytest.mark.xdist_group("without_database"))


def _name_the_groups(config, items):
    """The `xdist_group` in each grouped test's id, as pytest-xdist 3.8 writes it for older pytest:
    under pytest 9.2 its write no longer reaches the id, and `--dist loadgroup` silently spread a
    group's tests over both workers (pytest-dev/pytest-xdist#1386; drop this once the fix, #1388,
    is released)."""
    from _pytest.nodeid import NodeId

    if not config.getvalue("loadgroup"):  # pytest-xdist sets it on its workers
        return
    for item in items:
        names = sorted(
            {
                str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                for mark in item.iter_markers("xdist_group")
            }
        )
        if names and "@" not in item.nodeid.rpartition("]")[2]:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


@pytest.fixture(autouse=True)
def _cache_starts_empty(request, django_db_blocker):
    """Every test starts with an empty cache: rate-limit counters and cached pages of one test
    would otherwise reach the next. Redis outlives each test's transaction, and so does the
    database cache once a live-server test has committed to it. Under pytest-xdist each worker
    has its own key prefix (config/settings/test.py), so clearing never touches another worker's keys."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.core.cache.backends.redis import RedisCache

    from tests import worker_cache

    cache = caches["default"]
    if isinstance(cache, RedisCache):
        worker_cache.empty()
    elif isinstance(cache, DatabaseCache) and uses_database(request.node):
        request.getfixturevalue("django_db_setup")  # the test database, never the developer's
        with django_db_blocker.unblock():
            worker_cache.empty()


def uses_database(item):
    marker = item.get_closest_marker("django_db")
    return marker is not None or {"db", "transactional_db", "live_server"} & set(item.fixturenames)


@pytest.fixture
def output_dir(request):
    """test-results/<test name>/: screenshots and files a person may want to look at."""
    path = results_folder(request.node)
    path.mkdir(parents=True, exist_ok=True)
    return path


def results_folder(item):
    return OUTPUT_ROOT / re.sub(r"[^\w.-]+", "_", item.name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test that fails photographs every page its browser still has open, before the
    fixtures close them: test-results/<test name>/failure-<n>.png, with or without TEST_PHOTOS."""
    report = yield
    if report.when == "call" and report.failed and "browser" in item.funcargs:
        from tests.photos import photograph_open_pages

        for path in photograph_open_pages(item.funcargs["browser"], results_folder(item)):
            report.sections.append(("Photographed on failure", str(path)))
    return report


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


@pytest.fixture
def redis_cache(redis_url):
    """The default cache, for tests that read what it holds in Redis itself."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]  # not the `cache` proxy: isinstance() sees the proxy, never the backend
    if not isinstance(cache, RedisCache):
        missing_service("the cache is the database's, not Redis (set REDIS_URL=redis://…)")
    return cache


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        missing_service(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium-headless-shell)")
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
    from tests.journey_steps import PHONE

    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def built_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """Data built once per worker and written back from memory for each module that reads it
    (tests/database_snapshot.py): building the demo pages or the whole demo for every module and
    every browser test that reads them took most of the suite's time."""
    from tests import database_snapshot

    return database_snapshot.BuiltOnce(django_db_blocker, tmp_path_factory)


def demo_pages():
    from io import StringIO

    from cms import demo

    demo.load(StringIO())


@pytest.fixture(scope="module")
def _demo_pages_for_the_module(request, built_once):
    """The demo pages written back once for a module, inside a transaction rolled back at its end.
    Modules whose tests commit (browser tests, transaction=True) cannot run inside it;
    `_demo_pages_written_back` writes the pages back for each test there. Requested at module
    level in both cases, so the pages are built before a test's own fixtures (such as a stopped
    clock) run."""
    if commits(request.module):
        built_once.snapshot(demo_pages)
        yield None
        return
    with built_once.written_back(demo_pages) as media:
        yield media


def commits(module):
    marks = getattr(module, "pytestmark", [])
    marks = marks if isinstance(marks, list) else [marks]
    return any(
        mark.name == "browser" or (mark.name == "django_db" and mark.kwargs.get("transaction"))
        for mark in marks
    )


@pytest.fixture
def home_pages(_demo_pages_for_the_module, db, settings):
    """The demo home pages: Vietnamese at /vi/, English at /en/, with the demo's topics and guides.
    A test that commits has them from `_demo_pages_written_back`."""
    if _demo_pages_for_the_module:
        settings.MEDIA_ROOT = _demo_pages_for_the_module


@pytest.fixture(autouse=True)
def _demo_pages_written_back(request):
    """The demo pages for a test that commits and reads them, written back before the test's own
    fixtures run: writing them back replaces the whole database, and took away the administrator
    a fixture listed before `home_pages` had made."""
    if "home_pages" not in request.fixturenames or not commits(request.module):
        return
    from tests import database_snapshot

    request.getfixturevalue("transactional_db")
    request.getfixturevalue("_media_in_tmp")
    media_root = request.getfixturevalue("settings").MEDIA_ROOT
    rows, media = request.getfixturevalue("built_once").snapshot(demo_pages)
    shutil.copytree(media, media_root, dirs_exist_ok=True)
    database_snapshot.restore(connection, rows)


@pytest.fixture
def memory_cache(settings):
    """For counts of a page's own queries: with the embedded database cache every cache read and
    write (the page cache, the throttle) would be a query too."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()  # the process's memory cache also held earlier tests' pages


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
def clock():
    """A stopped clock at 09:00 on 1 December 2026 in Hà Nội, inside the sending window; move it
    with `clock.move_to(moment)` or `clock.shift(seconds)`. time-machine stops the clock every
    part reads (timezone.now, model defaults, time.time, allauth's codes), not one function."""
    import time_machine

    from tests.sign_in_steps import MORNING

    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def tasks_in_process():
    """Celery tasks run where they are queued, as in the embedded mode, even when the test run
    has a broker configured (CI sets CELERY_BROKER_URL for the reliability tests' real worker)."""
    from config.celery_app import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def editors_group(home_pages):
    """The Editors group as migrations leave it (another transactional test's flush empties it):
    adding, changing and publishing pages, submitting translations."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    editors, _created = Group.objects.get_or_create(name="Editors")
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    importlib.import_module("cms.migrations.0006_editors_publish_without_approval").editors_publish(
        apps, None
    )
    importlib.import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    ).create_submit_translation_permission(apps, None)
