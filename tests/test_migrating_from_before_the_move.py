"""A database made before the map moved to places/ and before reporting/ existed migrates forward
and keeps its rows.

It is rolled back to the migrations that existed before the move (commit c507619), filled
through the models as they were then (the map in `teams`, the commune-month totals teams kept),
and migrated to the latest: the same rows are then read through places' and reporting's models,
every key that pointed at the old models still finds them, and the new province and commune
totals are counted once from the rows already there, so the dashboards are right from the first
request. The move changes no table, so this holds on PostgreSQL and SQLite alike.

The trip is made once for the module and its rows written back for each test: going back renders
the project's state before each of the 29 migrations it undoes, most of the ~30 s it takes, and
both stories start from the same point in history. It is made on PostgreSQL, the database the
site runs on (CI): on SQLite, where the embedded run builds its template by the same migrations,
it cost `make test` 25 s of a core for no question PostgreSQL leaves open.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Role, RoleAssignment
from accounts.scopes import scope_for
from places.models import Commune, Province, Village
from reporting.models import CommuneMonth, CommuneTotals, ProvinceMonth, ProvinceTotals
from teams.models import Team
from tests import database_snapshot

# One worker makes the trip: under pytest-xdist each worker that ran one of these tests made it.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.xdist_group("migration_trip"),
]

# The leaf migrations, before the move, of the apps it touches; places and reporting did not exist.
BEFORE_THE_MOVE = [
    ("accounts", "0005_invitation_holds_the_role_until_accepted"),
    ("messaging", "0004_inbound_message_sids"),
    ("privacy", "0001_rights_requests_and_breaches"),
    ("teams", "0007_rosterimport_skipped_sheets"),
    ("trainings", "0003_sign_up_codes_and_private_links"),
    ("places", None),
    ("reporting", None),
]
OCTOBER = datetime.date(2026, 10, 1)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def fill_the_old_database(old):
    """A province, commune, village, team with a member and a log, the commune's October totals
    and its officer, made as the old code made them."""
    province = old.get_model("teams", "Province").objects.create(
        code="01", name="Thành phố Hà Nội", name_key="ha noi", kind="thanh_pho"
    )
    commune = old.get_model("teams", "Commune").objects.create(
        code="00004", province=province, name="Phường Ba Đình", name_key="ba dinh", kind="phuong"
    )
    village = old.get_model("teams", "Village").objects.create(
        commune=commune, name="Tổ dân phố 5", name_key="to dan pho 5", kind="to_dan_pho"
    )
    team = old.get_model("teams", "Team").objects.create(
        name="Tổ công nghệ số Tổ dân phố 5",
        name_key="to cong nghe so to dan pho 5",
        village=village,
        commune=commune,
    )
    old.get_model("teams", "Member").objects.create(team=team, full_name="Lò Văn Tú", name_key="lo van tu")
    old.get_model("teams", "AssistanceLog").objects.create(
        team=team, commune_id=team.commune_id, held_on=OCTOBER, citizens_helped=12
    )
    old.get_model("teams", "CommuneMonth").objects.create(
        commune_id=team.commune_id, province_id="01", month=OCTOBER, sessions=1, citizens_helped=12
    )
    officer = old.get_model("accounts", "User").objects.create(email="xa@example.vn", full_name="Lê Thị Hoa")
    old.get_model("accounts", "RoleAssignment").objects.create(
        user=officer, role=Role.COMMUNE_OFFICER, commune=commune
    )
    # Content types as the old database had them: permissions and admin history point at these.
    content_types = old.get_model("contenttypes", "ContentType").objects
    return {
        model: content_types.get_or_create(app_label="teams", model=model)[0].pk
        for model in ("province", "village")
    }


@pytest.fixture(scope="module")
def _migrated_forward(django_db_setup, django_db_blocker):
    """The old database's rows once migrated to the latest, and its content types' ids."""
    with django_db_blocker.unblock():
        old = migrate(BEFORE_THE_MOVE)
        try:
            old_content_types = fill_the_old_database(old)
        finally:
            migrate(latest())
        database_snapshot.forget_cached_rows()
        return database_snapshot.take(connection), old_content_types


@pytest.fixture
def old_database_migrated(request, postgres, transactional_db):
    """The database as the trip left it, written back (each test's end empties it); gives the old
    content types' ids. The trip is asked for only once PostgreSQL is known to be the database."""
    rows, old_content_types = request.getfixturevalue("_migrated_forward")
    database_snapshot.restore(connection, rows)
    return old_content_types


def test_the_map_teams_and_roles_are_kept(old_database_migrated):
    village = Village.objects.select_related("commune__province").get()
    assert (village.name, village.commune.name, village.commune.province.name) == (
        "Tổ dân phố 5",
        "Phường Ba Đình",
        "Thành phố Hà Nội",
    )
    assert list(Commune.objects.named("ba dinh")) == [village.commune]
    team = Team.objects.select_related("village", "commune").get()
    assert isinstance(team.village, Village)
    assert team.commune == village.commune
    assignment = RoleAssignment.objects.select_related("commune", "user").get()
    assert isinstance(assignment.commune, Commune)
    assert scope_for(assignment.user).communes == {"00004"}
    assert list(scope_for(assignment.user).filter(Team.objects.all())) == [team]
    # The old content types now name the new app: same rows, so nothing pointing at them is lost.
    assert ContentType.objects.get_for_model(Province).pk == old_database_migrated["province"]
    assert ContentType.objects.get_for_model(Village).pk == old_database_migrated["village"]


@pytest.mark.usefixtures("old_database_migrated")
def test_the_old_totals_are_kept_and_the_new_ones_counted():
    commune = Commune.objects.get()
    row = CommuneMonth.objects.get(commune=commune, month=OCTOBER)
    assert (row.sessions, row.citizens_helped) == (1, 12)
    assert ProvinceMonth.objects.get(province_id="01", month=row.month).citizens_helped == 12
    totals = CommuneTotals.objects.get(commune=commune)
    assert (totals.villages, totals.covered_villages, totals.members) == (1, 1, 1)
    assert ProvinceTotals.objects.get(province_id="01").members == 1
