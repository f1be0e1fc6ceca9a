"""The national and province dashboards read rows per province, commune and month shown: four
times the teams, members and logs make them read at most 10 % more (PostgreSQL's own count of
rows read, EXPLAIN ANALYZE over every SELECT of one request), while counting live reads 4 times.

Planned as at national scale (tests/rows_read.py), with the totals rebuilt and committed as the
nightly rebuild and `seed_scale` do: dead index entries a rebuild leaves, or an index that reads
a province's every month to show twelve, count here as they do at scale."""

import datetime

import pytest
from django.db import connection, transaction

from accounts.models import Role
from places.models import Commune, Village
from teams.activity import last_months
from teams.models import AssistanceLog, LogOutcome, Member, OutcomeType, Service, Team
from teams.signals import everything_changed
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory
from tests.rows_read import count_live_by_province, rows_read

# Committed, as the rebuild's clean-up runs only after its transaction commits. Alone (after the
# parallel run): in it, dead rows another connection's open snapshot kept from VACUUM doubled
# what the first measurement read.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.alone]

PROVINCES, COMMUNES = 4, 6


def _outcome_types():
    """Four outcome types: the migrations' own, or new ones where a transactional test that ran
    before this one on the same worker emptied the tables they were in."""
    found = list(OutcomeType.objects.values_list("pk", flat=True)[:4])
    if found:
        return found
    service = Service.objects.create(code="flat-rows", name_vi="Dịch vụ công", name_en="Public services")
    return [
        OutcomeType.objects.create(
            service=service, code=f"flat-rows-{n}", name_vi=f"Kết quả {n}", name_en=f"Outcome {n}"
        ).pk
        for n in range(4)
    ]


def grow(provinces_used, communes_used):
    """A team (in its own village) with 3 members and a log in each of the last 12 months in the
    first `communes_used` communes of the first `provinces_used` provinces."""
    outcome_types = _outcome_types()
    months = last_months()
    with transaction.atomic():
        for commune in Commune.objects.order_by("code"):
            if int(commune.code[-2:]) >= communes_used or int(commune.province_id) - 60 >= provinces_used:
                continue
            if commune.teams.exists():
                continue
            village = Village.objects.create(commune=commune, name=f"Thôn {commune.code}")
            [team] = Team.objects.bulk_create(
                [
                    Team(
                        village=village,
                        commune=commune,
                        name=f"Tổ {village.name}",
                        name_key=f"to {village.pk}",
                    )
                ]
            )
            Member.objects.bulk_create(
                Member(
                    team=team,
                    full_name=f"TV {team.pk}-{k}",
                    name_key=f"tv {team.pk} {k}",
                    training_status="trained" if k else "not_trained",
                )
                for k in range(3)
            )
            logs = AssistanceLog.objects.bulk_create(
                AssistanceLog(
                    team=team,
                    commune=commune,
                    village=village,
                    held_on=month + datetime.timedelta(days=3),
                    citizens_helped=10,
                )
                for month in months
            )
            LogOutcome.objects.bulk_create(
                LogOutcome(log=log, outcome_type_id=outcome_types[i % len(outcome_types)], count=2)
                for i, log in enumerate(logs)
            )
        everything_changed(sender=AssistanceLog)
    # Vacuumed and analysed here too, not only by the rebuild's own clean-up: whether autovacuum
    # (or another test's load) reached a table first changed the plans between two runs.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def measure(client, province_code):
    """{page: rows read}, and {page: [rows read by each SELECT]} to show which one grew."""
    readings, statements = {}, {}
    for name, url in (
        ("national", "/vi/dashboard/country/"),
        ("province", f"/vi/dashboard/province/{province_code}/"),
    ):
        with rows_read(plans_at_scale=True) as reading:
            assert client.get(url).status_code == 200
        readings[name] = reading.rows
        statements[name] = [(rows, sql[:100]) for sql, _params, rows in reading.statements]
    with rows_read(plans_at_scale=True) as reading:
        count_live_by_province()
    readings["live counts"] = reading.rows
    return readings, statements


def grown(before, after):
    """The SELECTs that read a different number of rows after than before, for a failure's message."""
    return "\n".join(
        f"{page}: {rows_before} -> {rows_after} rows: {sql}"
        for page in before
        for (rows_before, sql), (rows_after, _sql) in zip(before[page], after[page], strict=True)
        if rows_after != rows_before
    )


@pytest.fixture
def national_admin(client):
    """A signed-in national administrator over 4 provinces of 6 communes (no teams yet)."""
    if connection.vendor != "postgresql":
        pytest.skip("rows read are PostgreSQL's EXPLAIN ANALYZE")
    for p in range(PROVINCES):
        province = ProvinceFactory(code=f"{60 + p}")
        for c in range(COMMUNES):
            CommuneFactory(code=f"{60 + p}0{c:02d}", province=province)
    client.force_login(RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user)
    return client


def test_four_times_the_data_reads_at_most_ten_percent_more_rows(national_admin):
    # Half the communes of half the provinces, then all of them: 6 teams, then 24.
    grow(provinces_used=PROVINCES // 2, communes_used=COMMUNES // 2)
    small, small_statements = measure(national_admin, "60")
    grow(provinces_used=PROVINCES, communes_used=COMMUNES)
    assert Team.objects.count() == PROVINCES * COMMUNES == 4 * 6
    large, large_statements = measure(national_admin, "60")
    ratios = {name: large[name] / small[name] for name in small}
    assert ratios["national"] <= 1.10, grown(small_statements, large_statements)
    assert ratios["province"] <= 1.10, grown(small_statements, large_statements)
    assert ratios["live counts"] >= 2, (small, large)  # the measure does see the data grow


def test_nightly_rebuilds_leave_the_pages_reading_no_more_rows(national_admin):
    """The rebuild writes every total again; what the pages read must not grow night after night
    (as it did while each rebuild left an index entry per deleted row until autovacuum came)."""
    grow(provinces_used=PROVINCES, communes_used=COMMUNES)
    before, before_statements = measure(national_admin, "60")
    for _night in range(3):
        with transaction.atomic():
            everything_changed(sender=AssistanceLog)
    after, after_statements = measure(national_admin, "60")
    # Not equal: once vacuumed, PostgreSQL may pick an index scan where it took a bitmap scan,
    # which reads the same rows without counting the index entries apart.
    assert after["national"] <= before["national"], grown(before_statements, after_statements)
    assert after["province"] <= before["province"], grown(before_statements, after_statements)
