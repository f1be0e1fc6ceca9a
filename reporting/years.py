"""Each commune's last twelve months kept in one row (CommuneYear), for the public pages (issue 24).

The national progress page and API summed 12 × 3,321 commune months on every uncached request;
they read 3,321 kept rows instead. A row is always the sum of its commune's months: every writer
of a commune month adds the same difference to the rows whose twelve months hold that month
(`add`), in its transaction, under the province month's lock it already holds
(reporting/increments.py, reporting/summaries.py). The rows of a new twelve months are made by
`summaries.keep_year` (hourly, and by the nightly rebuild) under the locks of every province month
they sum; until they exist the pages sum the commune months as before (progress/figures.py).
"""

from django.db import connection
from django.db.models import F, Sum
from django.db.models.functions import Coalesce

from places.models import Commune
from reporting.models import CommuneMonth, CommuneYear
from teams.activity import MONTHS_SHOWN, last_months, next_month

FIGURES = CommuneYear.FIGURES


def _ends(month):
    """The last months of the twelve-month spans that hold `month`: itself and the eleven after."""
    ends = [month]
    for _ in range(MONTHS_SHOWN - 1):
        ends.append(next_month(ends[-1]))
    return ends


def _sums(last_month, **where):
    months = last_months(MONTHS_SHOWN, last_month)
    return CommuneMonth.objects.filter(month__gte=months[0], month__lte=last_month, **where)


def add(commune_id, province_id, month, difference):
    """Add `difference` ({figure: n}, what the commune's `month` gained or lost) to its kept rows."""
    difference = {name: difference.get(name, 0) for name in FIGURES}
    if not any(difference.values()):
        return
    ends = _ends(month)
    rows = CommuneYear.objects.filter(commune_id=commune_id, last_month__in=ends)
    if rows.update(**{name: F(name) + value for name, value in difference.items()}):
        return
    # No row: no twelve months holding this month are kept (nothing to do), or the commune is newer
    # than the rows kept. Its row is its months' sum (this change included); a writer of another of
    # its months that inserted first has a sum without this change, so a conflict adds it instead.
    kept = CommuneYear.objects.filter(last_month__in=ends).values_list("last_month", flat=True).distinct()
    for last_month in kept.order_by():
        sums = _sums(last_month, commune_id=commune_id).aggregate(
            **{name: Coalesce(Sum(name), 0) for name in FIGURES}
        )
        _insert_or_add(commune_id, province_id, last_month, [sums[name] for name in FIGURES], difference)


def _insert_or_add(commune_id, province_id, last_month, values, difference):
    table = connection.ops.quote_name(CommuneYear._meta.db_table)
    added = ", ".join(f"{name} = {table}.{name} + %s" for name in FIGURES)
    sql = (
        f"INSERT INTO {table} (commune_id, province_id, last_month, {', '.join(FIGURES)}) "  # noqa: S608 (names from the model; values bound)
        f"VALUES (%s, %s, %s, {', '.join(['%s'] * len(FIGURES))}) "
        f"ON CONFLICT (commune_id, last_month) DO UPDATE SET {added}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [commune_id, province_id, last_month, *values, *difference.values()])


def build(last_month):
    """The rows of the twelve months ending with `last_month`, for every commune, from the commune
    months; earlier spans' rows go (nothing reads them). The caller holds the locks."""
    CommuneYear.objects.filter(last_month__lte=last_month).delete()
    sums = {
        row["commune_id"]: row
        for row in _sums(last_month)
        .values("commune_id")
        .annotate(**{name: Sum(name) for name in FIGURES})
        .order_by()
    }
    zero = dict.fromkeys(FIGURES, 0)
    CommuneYear.objects.bulk_create(
        (
            CommuneYear(
                commune_id=code,
                province_id=province_id,
                last_month=last_month,
                **{name: sums.get(code, zero)[name] for name in FIGURES},
            )
            for code, province_id in Commune.objects.values_list("pk", "province_id").iterator()
        ),
        batch_size=5000,
    )
