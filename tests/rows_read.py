"""How many rows a piece of code makes PostgreSQL read: EXPLAIN ANALYZE of every SELECT it ran.

Time depends on the machine; rows read do not. Each plan node's actual rows times its loops are
summed, so a scan that reads a table once per province counts every time it does, and so are the
rows a node read and then discarded by a filter: an index scan on the province that keeps 12 of
its 36 months has read 36 months, whichever plan PostgreSQL picked.

A test's tables are a few rows each, so PostgreSQL reads them whole (a sequential scan, which sees
neither dead rows nor index entries). `rows_read(plans_at_scale=True)` forbids sequential scans
where an index serves, as the planner chooses at national scale: an index still holding entries
of deleted rows, or one that reads a province's every month to keep twelve, then shows in a test.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection


@dataclass
class Reading:
    rows: int = 0
    statements: list = field(default_factory=list)


DISCARDED = ("Rows Removed by Filter", "Rows Removed by Index Recheck", "Rows Removed by Join Filter")


def _rows(node):
    read = node["Actual Rows"] + sum(node.get(key, 0) for key in DISCARDED)
    return round(read * node["Actual Loops"]) + sum(_rows(child) for child in node.get("Plans", []))


@contextmanager
def rows_read(plans_at_scale=False):
    """`with rows_read() as reading: …`; afterwards `reading.rows` holds the sum (PostgreSQL only)
    and `reading.statements` each SELECT with its params and rows read."""
    reading = Reading()

    def keep(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            reading.statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        yield reading
    with connection.cursor() as cursor:
        if plans_at_scale:
            cursor.execute("SET enable_seqscan = off")
        try:
            for index, (sql, params) in enumerate(reading.statements):
                cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
                plan = cursor.fetchone()[0]
                plan = plan[0] if isinstance(plan, list) else plan
                rows = _rows(plan["Plan"])
                reading.statements[index] = (sql, params, rows)
                reading.rows += rows
        finally:
            cursor.execute("RESET enable_seqscan")


def count_live_by_province():
    """The baseline: villages, covered villages, members and trained members per province counted
    from the live tables, as the national dashboard did before it read kept totals."""
    from django.db.models import Count, Q

    from places.models import Village
    from teams.models import Member, Team

    def grouped(queryset, key, **aggregates):
        return list(queryset.values(key).annotate(**aggregates).order_by())

    return (
        grouped(Village.objects.all(), "commune__province_id", n=Count("pk")),
        grouped(
            Team.objects.active().filter(village__isnull=False),
            "commune__province_id",
            n=Count("village", distinct=True),
        ),
        grouped(
            Member.objects.current().filter(team__status=Team.Status.ACTIVE),
            "team__commune__province_id",
            n=Count("pk"),
            trained=Count("pk", filter=Q(training_status=Member.TrainingStatus.TRAINED)),
        ),
    )
