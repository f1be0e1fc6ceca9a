"""A database made before the map moved to places/ migrates forward and keeps its rows.

It is rolled back to the migrations that existed before the move (commit c507619), filled
through the models as they were then (the map in `teams`), and migrated to the latest: the same
rows are then read through places' models, and every key that pointed at the old models still
finds them. The move changes no table, so this holds on PostgreSQL and SQLite alike.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Role, RoleAssignment
from accounts.scopes import scope_for
from places.models import Commune, Province, Village
from teams.models import Team

pytestmark = pytest.mark.django_db(transaction=True)

# The leaf migrations, before the move, of the apps it touches; places did not exist.
BEFORE_THE_MOVE = [
    ("accounts", "0005_invitation_holds_the_role_until_accepted"),
    ("messaging", "0004_inbound_message_sids"),
    ("privacy", "0001_rights_requests_and_breaches"),
    ("teams", "0007_rosterimport_skipped_sheets"),
    ("trainings", "0003_sign_up_codes_and_private_links"),
    ("places", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def fill_the_old_database(old):
    """A province, commune, village, team and commune officer, made as the old code made them."""
    province = old.get_model("teams", "Province").objects.create(
        code="01", name="Thành phố Hà Nội", name_key="ha noi", kind="thanh_pho"
    )
    commune = old.get_model("teams", "Commune").objects.create(
        code="00004", province=province, name="Phường Ba Đình", name_key="ba dinh", kind="phuong"
    )
    village = old.get_model("teams", "Village").objects.create(
        commune=commune, name="Tổ dân phố 5", name_key="to dan pho 5", kind="to_dan_pho"
    )
    old.get_model("teams", "Team").objects.create(
        name="Tổ công nghệ số Tổ dân phố 5",
        name_key="to cong nghe so to dan pho 5",
        village=village,
        commune=commune,
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


def test_a_database_made_before_the_move_keeps_its_map_teams_and_roles():
    old = migrate(BEFORE_THE_MOVE)
    try:
        old_content_types = fill_the_old_database(old)
    finally:
        migrate(latest())
    ContentType.objects.clear_cache()

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
    assert ContentType.objects.get_for_model(Province).pk == old_content_types["province"]
    assert ContentType.objects.get_for_model(Village).pk == old_content_types["village"]
