"""A database made before reporting/ existed migrates forward: the commune-month totals teams
kept are read through reporting's models (same tables), and the new province and commune totals
are counted once from the rows already there, so the dashboards are right from the first request."""

import datetime

import pytest

from places.models import Commune
from places.tests.test_places_migration import BEFORE_THE_MOVE, fill_the_old_database, latest, migrate
from reporting.models import CommuneMonth, CommuneTotals, ProvinceMonth, ProvinceTotals

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_old_totals_are_kept_and_the_new_ones_counted():
    old = migrate([*BEFORE_THE_MOVE, ("reporting", None)])
    try:
        fill_the_old_database(old)
        team = old.get_model("teams", "Team").objects.get()
        old.get_model("teams", "Member").objects.create(
            team=team, full_name="Lò Văn Tú", name_key="lo van tu"
        )
        month = datetime.date(2026, 10, 1)
        old.get_model("teams", "AssistanceLog").objects.create(
            team=team, commune_id=team.commune_id, held_on=month, citizens_helped=12
        )
        old.get_model("teams", "CommuneMonth").objects.create(
            commune_id=team.commune_id, province_id="01", month=month, sessions=1, citizens_helped=12
        )
    finally:
        migrate(latest())

    commune = Commune.objects.get()
    row = CommuneMonth.objects.get(commune=commune, month=datetime.date(2026, 10, 1))
    assert (row.sessions, row.citizens_helped) == (1, 12)
    assert ProvinceMonth.objects.get(province_id="01", month=row.month).citizens_helped == 12
    totals = CommuneTotals.objects.get(commune=commune)
    assert (totals.villages, totals.covered_villages, totals.members) == (1, 1, 1)
    assert ProvinceTotals.objects.get(province_id="01").members == 1
