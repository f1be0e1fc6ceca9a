"""Adding new logs' figures to the monthly totals, instead of recounting the month.

A new log only adds: one session, its citizens and its outcome counts. Recounting the commune's
month, summing the province's communes and rewriting the province's outcome rows inside the
leader's submit cost most of its time at national scale (issue 26), so a new log's figures are
added with `UPDATE ... SET x = x + n` in the sender's transaction: the dashboards stay exact,
with no lag. Corrections, deletions and imports still recount (reporting/summaries.py).

The two mix safely because both lock the province's month row first: the increment's UPDATE of
that row is its lock. A recount waiting on it reads the new log once it commits; an increment
waiting on a recount adds to the recounted row, which could not see the uncommitted log.
"""

from django.db import connection, transaction
from django.db.models import F

from reporting import years
from reporting.models import CommuneMonth, CommuneMonthOutcome, ProvinceMonth, ProvinceMonthOutcome
from reporting.summaries import ACTIVITY, _refresh_commune, _sum_province, open_months


def add_logs(added):
    """Add to the totals the figures of new logs: `added` holds, per log, its `commune_id`,
    `province_id`, `month` (first day), the ACTIVITY figures (sessions 1) and `outcomes` {type id: count}."""
    communes, provinces = _group(added)
    # Inside the sender's transaction (a savepoint would add two round trips to every submit).
    with transaction.atomic(savepoint=False):
        for (province_id, month), figures in sorted(provinces.items()):
            if not _add(ProvinceMonth.objects.filter(province_id=province_id, month=month), figures):
                # The month's first log in the country: open it (zero rows everywhere), then add.
                open_months([month])
                _add(ProvinceMonth.objects.filter(province_id=province_id, month=month), figures)
            _add_outcomes(ProvinceMonthOutcome, {"province_id": province_id}, month, figures["outcomes"])
        for (commune_id, province_id, month), figures in sorted(communes.items()):
            if _add(CommuneMonth.objects.filter(commune_id=commune_id, month=month), figures):
                years.add(commune_id, province_id, month, figures)
                _add_outcomes(
                    CommuneMonthOutcome,
                    {"commune_id": commune_id, "province_id": province_id},
                    month,
                    figures["outcomes"],
                )
            else:
                # A commune made after its province's month was opened has no row: count it
                # from the logs, then let the province be the sum of its communes again.
                _refresh_commune(commune_id, province_id, month)
                _sum_province(province_id, month)


def _group(added):
    """The figures summed per (commune, province, month) and per (province, month)."""
    communes, provinces = {}, {}
    for log in added:
        province_id = log["province_id"]
        for figures in (
            communes.setdefault((log["commune_id"], province_id, log["month"]), _zero()),
            provinces.setdefault((province_id, log["month"]), _zero()),
        ):
            for name in ACTIVITY:
                figures[name] += log[name]
            for type_id, count in log["outcomes"].items():
                figures["outcomes"][type_id] = figures["outcomes"].get(type_id, 0) + count
    return communes, provinces


def _zero():
    return {**dict.fromkeys(ACTIVITY, 0), "outcomes": {}}


def _add(rows, figures):
    """Add the figures to the one row of `rows`; False when there is no such row."""
    return bool(rows.update(**{name: F(name) + figures[name] for name in ACTIVITY}))


def _add_outcomes(model, unit, month, outcomes):
    """Add each outcome count to its row of the unit (`unit`: its columns, the first the one the
    rows are unique on with the month and outcome), making the rows a commune never had (its
    rows exist only for outcomes it counted): one statement for all of them."""
    outcomes = {type_id: count for type_id, count in outcomes.items() if count}
    if not outcomes:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [*unit, "month", "outcome_type_id", "total"]
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    params = []
    for type_id, count in sorted(outcomes.items()):
        params += [*unit.values(), month, type_id, count]
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * len(outcomes))} "  # noqa: S608 (names from the models; values bound)
        f"ON CONFLICT ({next(iter(unit))}, month, outcome_type_id) "
        f"DO UPDATE SET total = {table}.total + EXCLUDED.total"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
