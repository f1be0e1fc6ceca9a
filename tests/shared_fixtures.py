"""Fixtures several apps' tests use, defined once (the root conftest.py loads this module).

`world` is the everyday world on the one map (tests/world/); `scope_land`, `privacy_people`,
`monthly_land`, `progress_country` and `progress_province` are its layers for a family of tests.
A test that needs the map at another moment calls the layer's `build()` under its own clock.

`places` and `officer` are the roster map and its commune officer (tests/factories_rosters.py):
the rosters, teams (sessions' logs) and trainings (attendance) imports all read files on them.
A test that needs another officer keeps its own fixture, named for who it is.
"""

import copy
from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def wagtail_root(transactional_db):
    """Wagtail's root page, which a flush removes with every table (`--reuse-db` keeps Django's flush)."""
    from wagtail.models import Locale, Page

    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="vi")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def world(_made_once, db):
    """Two provinces, three communes, a village, team, member and log in each (tests/world/);
    `world.person(kind)` adds a user of a kind: national, province, commune, editor, leader…"""
    from tests.world import build_world

    return _made_once["world"] if _made_once else build_world()


@pytest.fixture
def scope_land(_made_once, world):
    """The world with sessions, registrations, texts, data requests and households in each
    commune (tests/world/scope.py), keyed by commune: land["a"]["session"]…"""
    from tests.world import scope

    return _made_once["scope_land"] if _made_once and "scope_land" in _made_once else scope.build(world)


# A module whose tests only read the world (none commits, none stops the clock before making it)
# may have it made once instead of for each test, with
# `pytest.mark.usefixtures("world_made_once")` or `("scope_land_made_once")`: on PostgreSQL the
# post matrix's 87 tests took 62 s making their world each, 17 s this way.


@pytest.fixture(scope="module")
def world_made_once(django_db_setup, django_db_blocker):
    """The module's `world`, made once in a transaction its tests nest in (tests/database_snapshot.py)."""
    from tests.database_snapshot import kept_for_the_module
    from tests.world import build_world

    with kept_for_the_module(django_db_blocker):
        yield {"world": build_world()}


@pytest.fixture(scope="module")
def scope_land_made_once(django_db_setup, django_db_blocker):
    """The module's `world` and `scope_land`, made once in a transaction its tests nest in."""
    from tests.database_snapshot import kept_for_the_module
    from tests.world import build_world, scope

    with kept_for_the_module(django_db_blocker):
        world = build_world()
        yield {"world": world, "scope_land": scope.build(world)}


@pytest.fixture
def _made_once(request, db):
    """A copy for this test of what its module made once, or None: the rows roll back after each
    test, and the copy keeps what a test changes on the objects from reaching the next."""
    for name in ("scope_land_made_once", "world_made_once"):
        if name in request.fixturenames:
            return copy.deepcopy(request.getfixturevalue(name))
    return None


@pytest.fixture
def privacy_people(db, django_capture_on_commit_callbacks):
    """Lan and Hưng in Bát Tràng's team, with all a data-rights request reaches (tests/world/privacy.py)."""
    from tests.world import privacy

    return privacy.build(django_capture_on_commit_callbacks)


@pytest.fixture
def monthly_land(db):
    """November 2026's figures and officers (tests/world/monthly.py), the clock stopped on
    2 December at 09:00 (land["clock"])."""
    import time_machine

    from tests.world import monthly

    with time_machine.travel(monthly.SECOND_OF_DECEMBER, tick=False) as clock:
        land = monthly.build()
        land["clock"] = clock
        yield land


@pytest.fixture
def progress_country(db):
    """Hà Nội's figures and Lào Cai's one small commune (tests/world/progress.py)."""
    from tests.world import progress

    return progress.build()


@pytest.fixture
def progress_province(db):
    """Hà Nội alone (tests/world/progress.py): its totals are all published."""
    from tests.world import progress

    return progress.build(lonely=False)


@pytest.fixture
def places():
    """Phú Thọ with Tân Lập and Hùng Vương, and Lào Cai's Yên Lạc outside the officer's scope."""
    from tests.factories_rosters import roster_map

    return roster_map()


@pytest.fixture
def teams(places):
    """Thôn Đông and Thôn Tây of Xã Tân Lập, each with its team; Thôn Bắc of a commune elsewhere."""
    from places.models import Village
    from tests.factories_teams import TeamFactory

    _province, tan_lap, _hung_vuong, other = places
    found = {}
    for name in ("Thôn Đông", "Thôn Tây"):
        village = Village.objects.create(commune=tan_lap, name=name)
        found[name] = TeamFactory(village=village, commune=tan_lap)
    elsewhere = Village.objects.create(commune=other, name="Thôn Bắc")
    found["Thôn Bắc"] = TeamFactory(village=elsewhere, commune=other)
    return found


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
    from tests.sessions import tasks_run_as_requests_end

    client.force_login(officer)
    return tasks_run_as_requests_end(client, django_capture_on_commit_callbacks)


@pytest.fixture
def commune_officer_signed_in(client, world):
    """Bát Tràng's commune officer (world "a", tests/world/), signed in."""
    from accounts.models import Role
    from tests.factories import RoleAssignmentFactory

    user = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=world["a"]).user
    client.force_login(user)
    return user


def whole_demo():
    call_command("load_demo", stdout=StringIO())


@pytest.fixture(scope="module")
def _demo_for_the_module(built_once):
    with built_once.written_back(whole_demo) as media:
        yield media


@pytest.fixture
def demo(_demo_for_the_module, db, settings):
    """The whole demo (`manage.py load_demo`), built once per worker and written back for each
    module that reads it (tests/database_snapshot.py). Modules that read it are kept on one
    worker (`pytest.mark.xdist_group("whole_demo")`), so `make test` builds it once."""
    settings.MEDIA_ROOT = _demo_for_the_module
