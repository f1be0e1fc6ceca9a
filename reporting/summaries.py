"""Keeping the monthly totals (reporting/models/months.py) equal to the logs they sum.

Each refresh recomputes a (commune, month) from the logs rather than adding a difference, so a
refresh is idempotent and any earlier mistake is repaired by the next one (new logs alone are
added, by reporting/increments.py, under the same lock). The province's month
row is locked first, in a stable order: of two transactions saving logs in the same province and
month, the second waits, then reads both logs (READ COMMITTED reads what committed before each
query). The province row is then the sum of its communes' rows, read after they are written.
"""

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from places.models import Commune
from reporting import years
from reporting.models import (
    CommuneMonth,
    CommuneMonthOutcome,
    CommuneYear,
    ProvinceMonth,
    ProvinceMonthOutcome,
)
from reporting.vacuum import vacuum_after_commit
from teams.activity import MONTHS_SHOWN, last_months, month_start, next_month
from teams.models import AssistanceLog, LogOutcome, OutcomeType

ACTIVITY = ("sessions", "citizens_helped", "women_helped", "over_60_helped")


def _log_totals():
    return {
        "sessions": Count("pk"),
        "citizens_helped": Coalesce(Sum("citizens_helped"), 0),
        "women_helped": Coalesce(Sum("women_helped"), 0),
        "over_60_helped": Coalesce(Sum("over_60_helped"), 0),
    }


def refresh_commune_months(keys):
    """Recompute the totals of each (commune_id, month start) in `keys` and of their provinces."""
    keys = set(keys)
    with transaction.atomic():
        provinces = dict(
            Commune.objects.filter(pk__in={c for c, _m in keys}).values_list("pk", "province_id")
        )
        province_months = sorted({(provinces[c], month) for c, month in keys})
        for province_id, month in province_months:
            _lock(province_id, month)
        for commune_id, month in sorted(keys):
            _refresh_commune(commune_id, provinces[commune_id], month)
        for province_id, month in province_months:
            _sum_province(province_id, month)


def _lock(province_id, month):
    """Lock the province's month, opening the month for the whole country the first time."""
    if not ProvinceMonth.objects.filter(month=month).exists():
        open_months([month])
    ProvinceMonth.objects.select_for_update().get_or_create(province_id=province_id, month=month)


def open_months(months):
    """Zero rows for every province and commune (and every outcome of a province) in `months`:
    what the national and province pages read is then the same whichever units were active.
    Rows that exist are left as they are."""
    communes = list(Commune.objects.values_list("pk", "province_id"))
    provinces = sorted({province_id for _code, province_id in communes})
    outcome_types = list(OutcomeType.objects.values_list("pk", flat=True))
    for month in months:
        ProvinceMonth.objects.bulk_create(
            [ProvinceMonth(province_id=province_id, month=month) for province_id in provinces],
            ignore_conflicts=True,
        )
        ProvinceMonthOutcome.objects.bulk_create(
            [
                ProvinceMonthOutcome(province_id=province_id, month=month, outcome_type_id=type_id)
                for province_id in provinces
                for type_id in outcome_types
            ],
            ignore_conflicts=True,
        )
        CommuneMonth.objects.bulk_create(
            [
                CommuneMonth(commune_id=code, province_id=province_id, month=month)
                for code, province_id in communes
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )


def _refresh_commune(commune_id, province_id, month):
    logs = AssistanceLog.objects.filter(
        commune_id=commune_id, held_on__gte=month, held_on__lt=next_month(month)
    )
    before = CommuneMonth.objects.filter(commune_id=commune_id, month=month).values(*years.FIGURES).first()
    totals = logs.aggregate(**_log_totals())
    CommuneMonth.objects.update_or_create(
        commune_id=commune_id, month=month, defaults={"province_id": province_id, **totals}
    )
    years.add(
        commune_id,
        province_id,
        month,
        {name: totals[name] - (before or {}).get(name, 0) for name in years.FIGURES},
    )
    CommuneMonthOutcome.objects.filter(commune_id=commune_id, month=month).delete()
    outcome_totals = (
        LogOutcome.objects.filter(log__in=logs)
        .values("outcome_type_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    CommuneMonthOutcome.objects.bulk_create(
        CommuneMonthOutcome(
            commune_id=commune_id,
            province_id=province_id,
            month=month,
            outcome_type_id=item["outcome_type_id"],
            total=item["total"],
        )
        for item in outcome_totals
        if item["total"]
    )


def _sum_province(province_id, month):
    sums = CommuneMonth.objects.filter(province_id=province_id, month=month).aggregate(
        **{name: Coalesce(Sum(name), 0) for name in ACTIVITY}
    )
    ProvinceMonth.objects.filter(province_id=province_id, month=month).update(**sums)
    totals = dict(
        CommuneMonthOutcome.objects.filter(province_id=province_id, month=month)
        .values("outcome_type_id")
        .annotate(total=Sum("total"))
        .order_by()
        .values_list("outcome_type_id", "total")
    )
    ProvinceMonthOutcome.objects.filter(province_id=province_id, month=month).delete()
    ProvinceMonthOutcome.objects.bulk_create(
        ProvinceMonthOutcome(
            province_id=province_id, month=month, outcome_type_id=type_id, total=totals.get(type_id, 0)
        )
        for type_id in set(OutcomeType.objects.values_list("pk", flat=True)) | set(totals)
    )


def rebuild_all(kept_years=True):
    """Every monthly row again from the logs: the nightly safety net and the end of `seed_scale`.
    `kept_years` False leaves out the kept twelve months: for migration 0002 only, which runs
    before their table exists (0005 makes them)."""
    summaries = (ProvinceMonthOutcome, ProvinceMonth, CommuneMonthOutcome, CommuneMonth)
    with transaction.atomic():
        for model in summaries:
            model.objects.all().delete()
        months = (
            AssistanceLog.objects.annotate(month=TruncMonth("held_on"))
            .values("commune_id", "commune__province_id", "month")
            .annotate(**_log_totals())
            .order_by()
        )
        CommuneMonth.objects.bulk_create(
            (
                CommuneMonth(
                    commune_id=row["commune_id"],
                    province_id=row["commune__province_id"],
                    month=_as_date(row["month"]),
                    **{name: row[name] for name in ACTIVITY},
                )
                for row in months.iterator(chunk_size=5000)
            ),
            batch_size=5000,
        )
        outcomes = (
            LogOutcome.objects.annotate(month=TruncMonth("log__held_on"))
            .values("log__commune_id", "log__commune__province_id", "month", "outcome_type_id")
            .annotate(total=Sum("count"))
            .order_by()
        )
        CommuneMonthOutcome.objects.bulk_create(
            (
                CommuneMonthOutcome(
                    commune_id=row["log__commune_id"],
                    province_id=row["log__commune__province_id"],
                    month=_as_date(row["month"]),
                    outcome_type_id=row["outcome_type_id"],
                    total=row["total"],
                )
                for row in outcomes.iterator(chunk_size=5000)
            ),
            batch_size=5000,
        )
        _rebuild_provinces()
        if kept_years:
            years.build(month_start(timezone.localdate()))
        vacuum_after_commit(*summaries)


def keep_year(today=None):
    """Make the kept twelve months ending this month (reporting/years.py) if they are not yet:
    hourly, so the public pages read them from the first hours of a month. Returns whether it did.

    This month is opened first and committed, so that every writer of the twelve months then
    takes a province month's lock (rows that exist); this takes them all, in the writers' order,
    and so sums every commune month with no writer's change left out or counted twice.
    """
    last_month = month_start(today or timezone.localdate())
    if CommuneYear.objects.filter(last_month=last_month).exists():
        return False
    if not ProvinceMonth.objects.filter(month=last_month).exists():
        with transaction.atomic():
            open_months([last_month])
    months = last_months(MONTHS_SHOWN, last_month)
    with transaction.atomic():
        locked = ProvinceMonth.objects.select_for_update().filter(month__gte=months[0], month__lte=last_month)
        list(locked.order_by("province_id", "month").values_list("pk", flat=True))
        years.build(last_month)
    return True


def _rebuild_provinces():
    """Province months summed from the commune months, in months opened for the whole country."""
    ProvinceMonth.objects.bulk_create(
        ProvinceMonth(province_id=row.pop("province_id"), month=row.pop("month"), **row)
        for row in CommuneMonth.objects.values("province_id", "month")
        .annotate(**{name: Sum(name) for name in ACTIVITY})
        .order_by()
    )
    ProvinceMonthOutcome.objects.bulk_create(
        (
            ProvinceMonthOutcome(**row)
            for row in CommuneMonthOutcome.objects.values("province_id", "month", "outcome_type_id")
            .annotate(total=Sum("total"))
            .order_by()
        ),
        batch_size=5000,
    )
    open_months(ProvinceMonth.objects.values_list("month", flat=True).distinct())


def _as_date(value):
    """TruncMonth of a DateField gives a date on PostgreSQL and may give a datetime elsewhere."""
    return value.date() if hasattr(value, "date") else value
