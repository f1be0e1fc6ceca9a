"""Fixtures several apps' tests use, defined once (the root conftest.py loads this module).

`places` and `officer` are the roster map and its commune officer (tests/factories_rosters.py):
the rosters, teams (sessions' logs) and trainings (attendance) imports all read files on them.
A test that needs another officer keeps its own fixture, named for who it is.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture
def wagtail_root(transactional_db):
    """Wagtail's root page, which an earlier transactional test's flush removed with every table."""
    from wagtail.models import Locale, Page

    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="vi")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def places():
    """Phú Thọ with Tân Lập and Hùng Vương, and Lào Cai's Yên Lạc outside the officer's scope."""
    from tests.factories_rosters import roster_map

    return roster_map()


@pytest.fixture
def officer(places):
    """Tân Lập's commune officer, whose files the imports read."""
    from tests.factories_rosters import commune_officer

    return commune_officer(places[1])


@pytest.fixture
def officer_client(client, officer, django_capture_on_commit_callbacks):
    """The officer's browser in the Wagtail admin (through the admin's door); tasks queued on
    commit run as each request ends, as a worker would run them (no broker in tests)."""
    from django.contrib.auth.models import Permission

    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(officer)
    original = client.request

    def request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(**kwargs)

    client.request = request
    return client


@pytest.fixture
def commune_officer_signed_in(client, world):
    """Bát Tràng's commune officer (world "a", tests/world.py), signed in."""
    from accounts.models import Role
    from tests.factories import RoleAssignmentFactory

    user = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=world["a"]).user
    client.force_login(user)
    return user


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo (`manage.py load_demo`), loaded once per test module and rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
