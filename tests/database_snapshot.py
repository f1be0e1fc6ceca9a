"""Every row of the test database, kept in memory and written back: the demo pages, the whole demo
and a module's own demo built once per worker instead of once per module or test (`BuiltOnce`,
conftest.py's `built_once`), and the freshly migrated database after each transactional test
(`instead_of_flushing`).

Building the demo pages runs ~8,700 queries (pages, revisions, translations, the search index): 5 s
on a quiet machine, 25 s on a busy one, and they were built for every module and every browser
test that reads them; the whole demo took 25-30 s for each module. Writing the rows back is one
DELETE per table in use and one INSERT batch per table the data fills.

The whole database is replaced, not only the demo's rows: a flush renumbers the content types
(post_migrate recreates them), so pages copied onto a database other than the one they were
read from would point at the wrong types. Ids are kept; PostgreSQL's sequences are set past
them. Works on PostgreSQL and SQLite (whose search index follows through triggers), inside a
transaction or in autocommit.
"""

import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, connections, transaction
from django.test import TransactionTestCase, override_settings


@dataclass(frozen=True)
class Snapshot:
    rows: dict  # table → (columns, rows)


def _tables(connection):
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _filled(connection, tables):
    """The tables holding at least one row, in one query."""
    quote = connection.ops.quote_name
    probes = " UNION ALL ".join(
        f"SELECT {index} FROM (SELECT 1 FROM {quote(table)} LIMIT 1) AS t{index}"  # noqa: S608
        for index, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(probes)
        return [tables[index] for (index,) in cursor.fetchall()]


def _filled_by_triggers(connection):
    """SQLite's full-text tables, which triggers on the search index fill (modelsearch)."""
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
        return {name for (name,) in cursor.fetchall()}


def take(connection):
    """The rows of every table the models own, but those the database fills itself."""
    quote = connection.ops.quote_name
    rows = {}
    skipped = _filled_by_triggers(connection)
    with connection.cursor() as cursor:
        for table in _filled(connection, [table for table in _tables(connection) if table not in skipped]):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (names from the models)
            columns = [column[0] for column in cursor.description]
            rows[table] = (columns, cursor.fetchall())
    return Snapshot(rows)


def restore(connection, snapshot):
    """The database as it was when `snapshot` was taken (every table the models own)."""
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # Foreign keys are checked at commit (Django makes them deferrable), so order is free.
        for table in _filled(connection, _tables(connection)):
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table, (columns, rows) in snapshot.rows.items():
            names = ", ".join(quote(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and model._meta.db_table in snapshot.rows
        ]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        # The rows' foreign keys checked now, once. Left deferred, PostgreSQL checked them all
        # again at the end of every test written inside this transaction (Django's TestCase
        # checks constraints before each rollback, and the savepoint's rollback un-checks them):
        # half a second a test on the whole demo.
        connection.check_constraints()
    forget_cached_rows()


def forget_cached_rows():
    """Django's cache in this process of the content types, whose ids a restore (or its rollback) changes."""
    ContentType.objects.clear_cache()


@contextmanager
def instead_of_flushing(migrated):
    """Transactional tests (those that commit: browser tests, Celery workers) end by writing back
    `migrated`, the rows of the freshly migrated database, instead of Django's flush. The flush
    truncated every table and then made the content types, permissions and Wagtail's root again
    through post_migrate: 0.9 s a test on PostgreSQL, where this takes a few hundredths."""

    def write_back(test_case):
        for alias in test_case._databases_names(include_mirrors=False):
            restore(connections[alias], migrated[alias])

    with mock.patch.object(TransactionTestCase, "_fixture_teardown", write_back):
        yield


class BuiltOnce:
    """Data built once per test process (`build`, a function of no arguments: the demo pages, the
    whole demo, a module's demo under its clock), each kept with the folder of its images."""

    def __init__(self, django_db_blocker, tmp_path_factory):
        self._blocker = django_db_blocker
        self._folders = tmp_path_factory
        self._built = {}

    def snapshot(self, build):
        """`build`'s rows and images: built the first time, inside a transaction rolled back."""
        if build not in self._built:
            media = self._folders.mktemp("built-media")
            with self._blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
                build()
                rows = take(connection)
                transaction.set_rollback(True)
            forget_cached_rows()
            self._built[build] = (rows, media)
        return self._built[build]

    @contextmanager
    def written_back(self, build):
        """`build`'s rows written back inside a transaction rolled back at the end (a module's
        tests nest their own transactions in it, so what a test changes still rolls back);
        gives a copy of its images, which the tests may change."""
        rows, built_media = self.snapshot(build)
        media = self._folders.mktemp("media")
        shutil.copytree(built_media, media, dirs_exist_ok=True)
        with kept_for_the_module(self._blocker):
            restore(connection, rows)
            yield media


@contextmanager
def kept_for_the_module(django_db_blocker):
    """What is written inside stays for a module's tests, in a transaction rolled back after the
    last: each test's own transaction nests inside it, so what a test changes still rolls back.
    Only for modules whose tests never commit (no `transactional_db`, no live server)."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                try:
                    yield
                finally:
                    transaction.set_rollback(True)
        finally:
            forget_cached_rows()
