"""How many rows a piece of code makes PostgreSQL read: EXPLAIN ANALYZE of every SELECT it ran.

Time depends on the machine; rows read do not. Each plan node's actual rows times its loops are
summed, so a scan that reads a table once per province counts every time it does.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection


@dataclass
class Reading:
    rows: int = 0
    statements: list = field(default_factory=list)


def _rows(node):
    return round(node["Actual Rows"] * node["Actual Loops"]) + sum(
        _rows(child) for child in node.get("Plans", [])
    )


@contextmanager
def rows_read():
    """`with rows_read() as reading: …`; afterwards `reading.rows` holds the sum (PostgreSQL only)."""
    reading = Reading()

    def keep(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            reading.statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        yield reading
    with connection.cursor() as cursor:
        for sql, params in reading.statements:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = plan[0] if isinstance(plan, list) else plan
            reading.rows += _rows(plan["Plan"])


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
