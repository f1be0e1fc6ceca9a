"""Keeping the commune-month totals (teams/models/summaries.py) equal to the logs they sum.

Each refresh recomputes one (commune, month) from the logs rather than adding a difference, so
a refresh is idempotent and any earlier mistake is repaired by the next one. The summary row is
locked before the logs are read: of two transactions saving logs in the same commune and month,
the second waits, then reads both logs (READ COMMITTED reads what committed before each query).
"""

from datetime import date

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, TruncMonth

from places.models import Commune
from teams.models import AssistanceLog, CommuneMonth, CommuneMonthOutcome, LogOutcome


def month_start(day):
    return date(day.year, day.month, 1)


def next_month(day):
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def refresh_commune_months(keys):
    """Recompute the totals of each (commune_id, month start) in `keys`, in a stable lock order."""
    with transaction.atomic():
        for commune_id, month in sorted(set(keys)):
            _refresh(commune_id, month)


def _refresh(commune_id, month):
    province_id = Commune.objects.values_list("province_id", flat=True).get(pk=commune_id)
    row, _ = CommuneMonth.objects.select_for_update().get_or_create(
        commune_id=commune_id, month=month, defaults={"province_id": province_id}
    )
    logs = AssistanceLog.objects.filter(
        commune_id=commune_id, held_on__gte=month, held_on__lt=next_month(month)
    )
    totals = logs.aggregate(
        sessions=Count("pk"),
        citizens=Coalesce(Sum("citizens_helped"), 0),
        women=Coalesce(Sum("women_helped"), 0),
        over_60=Coalesce(Sum("over_60_helped"), 0),
    )
    row.province_id = province_id
    row.sessions, row.citizens_helped = totals["sessions"], totals["citizens"]
    row.women_helped, row.over_60_helped = totals["women"], totals["over_60"]
    row.save()
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


def rebuild_all():
    """Every summary row again from the logs: the nightly safety net and the end of `seed_scale`."""
    with transaction.atomic():
        CommuneMonthOutcome.objects.all().delete()
        CommuneMonth.objects.all().delete()
        months = (
            AssistanceLog.objects.annotate(month=TruncMonth("held_on"))
            .values("commune_id", "commune__province_id", "month")
            .annotate(
                sessions=Count("pk"),
                citizens=Coalesce(Sum("citizens_helped"), 0),
                women=Coalesce(Sum("women_helped"), 0),
                over_60=Coalesce(Sum("over_60_helped"), 0),
            )
            .order_by()
        )
        CommuneMonth.objects.bulk_create(
            (
                CommuneMonth(
                    commune_id=row["commune_id"],
                    province_id=row["commune__province_id"],
                    month=_as_date(row["month"]),
                    sessions=row["sessions"],
                    citizens_helped=row["citizens"],
                    women_helped=row["women"],
                    over_60_helped=row["over_60"],
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


def _as_date(value):
    """TruncMonth of a DateField gives a date on PostgreSQL and may give a datetime elsewhere."""
    return value.date() if hasattr(value, "date") else value
