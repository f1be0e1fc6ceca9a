"""Test databases copied from a migrated template instead of migrated one by one.

Running our ~230 migrations took each pytest-xdist worker, and `make test`'s second run of the
tests marked `alone`, about 46 s before its first test. The first run to need it migrates a
template, named after a hash of the migrations and the lock file so a new migration or package
makes a new one; every test database after that is a copy: `CREATE DATABASE … TEMPLATE` on
PostgreSQL, a file copy on SQLite. A lock file serialises building, so two workers never migrate
the same template at once. A template is migrated under another name and renamed when complete, so
a run stopped halfway (Ctrl-C) leaves none behind.

`make test` starts the build in a process of its own (`python -m tests.template_database`) beside
pytest, so the template migrates while pytest and its workers start and collect the tests (28 s on
a fresh clone, compiling as they import); before, the first worker migrated after collecting, and
the other waited idle the whole time.
"""

import fcntl
import hashlib
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import django
from django.conf import settings
from django.db import connections
from django.test.utils import setup_databases

TEMPLATE_MARK = "_tpl_"
BUILDING = "_building"


def migrations_hash():
    """What the migrated schema depends on: our migrations, and the packages' (via the lock file)."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256((base / "requirements.lock").read_bytes())
    for path in sorted(base.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(base)).encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def setup_from_template(aliases, serialized_aliases, verbosity):
    """Each alias's test database as a fresh copy of the template, migrated only if it is new.

    Returns the configuration `teardown` needs, as Django's `setup_databases` does."""
    old_config = []
    for alias in aliases:
        connection = connections[alias]
        worker_name = connection.creation._get_test_db_name()
        if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(worker_name):
            old_config += setup_databases(
                verbosity, interactive=False, aliases={alias}, serialized_aliases=serialized_aliases
            )
            continue
        with _lock():
            template = _migrated_template(connection, verbosity)
            _copy(connection, template, worker_name)
        # The copy exists, so keepdb only runs `migrate` (nothing to apply) and createcachetable.
        old_config += setup_databases(
            verbosity, interactive=False, keepdb=True, aliases={alias}, serialized_aliases=serialized_aliases
        )
    return old_config


def _migrated_template(connection, verbosity):
    """The template's name, migrated first if it is not there. Called with the lock held."""
    template = _template_name(connection, connection.creation._get_test_db_name())
    if not _exists(connection, template):
        _build(connection, template, verbosity)
    return template


def teardown(old_config, verbosity):
    """Drop the copies (never the template: the next run starts from it)."""
    for connection, old_name, destroy in old_config:
        if destroy:
            _disconnect_others(connection)
            connection.creation.destroy_test_db(old_name, verbosity, keepdb=False)


def _disconnect_others(connection):
    """End the sessions other threads still hold on the test database (PostgreSQL): the live
    server's request threads keep persistent connections (CONN_MAX_AGE), and a browser run on
    this machine ended with DROP DATABASE refused ("accessed by 14 other sessions"), an error
    after all 50 tests had passed."""
    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


def _template_name(connection, worker_name):
    if connection.vendor == "sqlite":
        return str(Path(worker_name).parent / f"test-database{TEMPLATE_MARK}{migrations_hash()}")
    return f"test_{connection.settings_dict['NAME']}{TEMPLATE_MARK}{migrations_hash()}"


@contextmanager
def _lock():
    lock_dir = Path(settings.BASE_DIR) / ".run"
    lock_dir.mkdir(exist_ok=True)
    with open(lock_dir / "test-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _exists(connection, template):
    if connection.vendor == "sqlite":
        return Path(template).exists()
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        return cursor.fetchone() is not None


def _build(connection, template, verbosity):
    """Drop the older templates (and any build left halfway), migrate a database under a name of
    its own, then give it the template's."""
    _drop_older_templates(connection, template)
    test_settings = connection.settings_dict["TEST"]
    test_name = test_settings.get("NAME")
    test_settings["NAME"] = template + BUILDING
    try:
        old_config = setup_databases(
            verbosity, interactive=False, aliases={connection.alias}, serialized_aliases=set()
        )
    finally:
        test_settings["NAME"] = test_name
    for built, old_name, _destroy in old_config:
        built.close()
        built.settings_dict["NAME"] = old_name  # back to the configured name, as before setup
    _rename(connection, template + BUILDING, template)


def _rename(connection, built, template):
    if connection.vendor == "sqlite":
        os.replace(built, template)
        return
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"ALTER DATABASE {quote(built)} RENAME TO {quote(template)}")


def _copy(connection, template, worker_name):
    if connection.vendor == "sqlite":
        shutil.copyfile(template, worker_name)
        return
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(worker_name)}")
        cursor.execute(f"CREATE DATABASE {quote(worker_name)} TEMPLATE {quote(template)}")


def _drop_older_templates(connection, template):
    prefix = template.split(TEMPLATE_MARK)[0] + TEMPLATE_MARK
    if connection.vendor == "sqlite":
        for path in Path(prefix).parent.glob(Path(prefix).name + "*"):
            path.unlink()
        return
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix])
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")


if __name__ == "__main__":  # `make test`'s builder, beside pytest
    django.setup()
    with _lock():
        _migrated_template(connections["default"], verbosity=0)
