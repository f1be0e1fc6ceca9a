"""Households for the national-scale dataset (teams.seed_scale), made inside PostgreSQL.

A separate step, so a kept benchmark database gains its households without seeding its 5 million
logs again. Each seeded village gets 20 to 60 households (40 on average: a team lists the
households it has visited, about a sixth of a village's 250; at fraction 1, 3 million households),
each 1 to 4 people (2.5 on average: the head and those who came to be checked). Four people in
ten were checked: all of those hold the device and communication groups, fewer the others, and
one in five the basic set, so about a fifth of the households are covered. Skills checks
themselves are not seeded: no figure reads them, only the confirmations they made.
"""

from django.conf import settings
from django.db import connection, transaction

from households import totals

SEEDED_HOUSEHOLDS = (
    "SELECT h.id FROM households_household h JOIN places_village v ON v.id = h.village_id "
    "WHERE v.name_key LIKE 'seed %%'"
)
SEEDED_PEOPLE = f"SELECT id FROM households_householdmember WHERE household_id IN ({SEEDED_HOUSEHOLDS})"


def remove_households(cursor):
    """Delete the seeded villages' households and everything that hangs off them."""
    for statement in [
        f"DELETE FROM households_confirmation WHERE member_id IN ({SEEDED_PEOPLE})",
        f"DELETE FROM households_skillcheck WHERE member_id IN ({SEEDED_PEOPLE})",
        f"DELETE FROM households_followup WHERE household_id IN ({SEEDED_HOUSEHOLDS})",
        f"DELETE FROM households_householdmember WHERE household_id IN ({SEEDED_HOUSEHOLDS})",
        f"DELETE FROM households_household WHERE id IN ({SEEDED_HOUSEHOLDS})",
    ]:
        cursor.execute(statement, [])


def seed(stdout):
    """Households, people and confirmations for every seeded village, replacing earlier ones;
    the kept figures rebuilt at the end."""
    if connection.vendor != "postgresql":
        raise RuntimeError("seed_households needs PostgreSQL (set DATABASE_URL=postgres://…).")
    with transaction.atomic(), connection.cursor() as cursor:
        remove_households(cursor)
        cursor.execute(
            """
            INSERT INTO households_household (village_id, head_name, name_key, address, phone, created_at, updated_at)
            SELECT v.id, 'Chủ Hộ ' || v.id || '-' || k, 'chu ho ' || v.id || ' ' || k, '', NULL, now(), now()
            FROM places_village v CROSS JOIN LATERAL generate_series(1, 20 + (v.id * 13) %% 41) k
            WHERE v.name_key LIKE 'seed %%'
            """,
            [],
        )
        stdout.write(f"households: {cursor.rowcount}")
        cursor.execute(
            f"""
            INSERT INTO households_householdmember (household_id, full_name, birth_year, sex, created_at, updated_at)
            SELECT h.id, CASE WHEN k = 1 THEN h.head_name ELSE 'Người ' || h.id || '-' || k END,
                   1950 + (h.id + k) %% 60, CASE WHEN (h.id + k) %% 2 = 0 THEN 'female' ELSE 'male' END, now(), now()
            FROM households_household h CROSS JOIN LATERAL generate_series(1, 1 + h.id %% 4) k
            WHERE h.id IN ({SEEDED_HOUSEHOLDS})
            """,
            [],
        )
        stdout.write(f"people: {cursor.rowcount}")
        # The basic set is the device, communication, public services, payments and safety groups.
        cursor.execute(
            f"""
            INSERT INTO households_confirmation (member_id, framework, what, confirmed_on)
            SELECT m.id, %s, g.what, current_date - (m.id %% 365)::int
            FROM households_householdmember m
            CROSS JOIN (VALUES ('device'), ('information'), ('communication'), ('public_services'),
                               ('payments'), ('safety'), ('basic')) g (what)
            WHERE m.id IN ({SEEDED_PEOPLE}) AND (m.id * 7) %% 10 < 4 AND CASE g.what
                WHEN 'information' THEN m.id %% 3 <> 0
                WHEN 'public_services' THEN m.id %% 4 <> 0
                WHEN 'payments' THEN m.id %% 5 <> 0
                WHEN 'safety' THEN m.id %% 2 = 0
                WHEN 'basic' THEN m.id %% 4 = 2 AND m.id %% 5 <> 0
                ELSE true END
            """,
            [settings.HOUSEHOLD_SKILLS_FRAMEWORK],
        )
        stdout.write(f"confirmations: {cursor.rowcount}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE households_household, households_householdmember, households_confirmation")
    totals.rebuild()
    stdout.write("household figures rebuilt")
