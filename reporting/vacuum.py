"""Summary tables cleared of the dead rows a full rebuild leaves behind.

A rebuild deletes every summary row and writes it again: until VACUUM, each index still holds an
entry for the deleted copy, which every index read of the dashboards walks through. Right after
a rebuild the national page would read twice the rows of the months it shows, and more after
each rebuild autovacuum has not yet reached. Vacuuming the summary tables once the rebuild has
committed keeps what a page reads to the rows it shows (and refreshes the planner's statistics).
"""

from django.db import connection, transaction


def vacuum_after_commit(*models):
    """VACUUM (ANALYZE) the tables of `models` once the current transaction commits (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)

    def vacuum():
        # VACUUM cannot run in a transaction: callbacks a test runs inside its own are skipped.
        if connection.in_atomic_block:
            return
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {tables}")

    transaction.on_commit(vacuum, robust=True)
