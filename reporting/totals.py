"""Keeping each commune's and province's counts (reporting/models/totals.py) equal to the live rows.

Like the monthly totals, each refresh counts again rather than adding a difference, under the
province's lock (taken in a stable order), inside the transaction that changed the rows: the
dashboard figure changes exactly when the change commits. The counts are the ones the dashboards
always showed: villages; villages with an active team; current members of active teams, and of
those the trained.
"""

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from places.models import Commune, Village
from reporting.models import CommuneTotals, ProvinceTotals
from reporting.models.totals import Counts
from reporting.vacuum import vacuum_after_commit
from teams.models import Member, Team


def count_communes(communes=None):
    """{commune code: {counted field: n}} for the communes in `communes` (None: every commune)."""
    where = {} if communes is None else {"commune_id__in": communes}
    counts = {}

    def add(queryset, key, **aggregates):
        for row in queryset.values(key).annotate(**aggregates).order_by():
            counts.setdefault(row.pop(key), dict.fromkeys(Counts.COUNTED, 0)).update(row)

    add(Village.objects.filter(**where), "commune_id", villages=Count("pk"))
    add(
        Team.objects.active().filter(village__isnull=False, **where),
        "commune_id",
        covered_villages=Count("village", distinct=True),
    )
    add(
        Member.objects.current().filter(
            team__status=Team.Status.ACTIVE, **{f"team__{k}": v for k, v in where.items()}
        ),
        "team__commune_id",
        members=Count("pk"),
        trained_members=Count("pk", filter=Q(training_status=Member.TrainingStatus.TRAINED)),
    )
    return counts


def refresh_commune_counts(commune_ids):
    """Count again the communes in `commune_ids` and their provinces."""
    commune_ids = set(commune_ids) - {None}
    with transaction.atomic():
        provinces = dict(Commune.objects.filter(pk__in=commune_ids).values_list("pk", "province_id"))
        for province_id in sorted(set(provinces.values())):
            _lock(province_id)
        counts = count_communes(list(provinces))
        for commune_id, province_id in sorted(provinces.items()):
            CommuneTotals.objects.update_or_create(
                commune_id=commune_id,
                defaults={
                    "province_id": province_id,
                    **counts.get(commune_id, dict.fromkeys(Counts.COUNTED, 0)),
                },
            )
        for province_id in set(provinces.values()):
            _sum_province(province_id)


def _lock(province_id):
    """Lock the province's row; the first time, give every province and commune a row (zeros
    until counted, as a missing row would read), so the pages read the same whichever are counted."""
    if not ProvinceTotals.objects.filter(pk=province_id).exists():
        communes = list(Commune.objects.values_list("pk", "province_id"))
        ProvinceTotals.objects.bulk_create(
            [
                ProvinceTotals(province_id=pk)
                for pk in {province for _code, province in communes} | {province_id}
            ],
            ignore_conflicts=True,
        )
        CommuneTotals.objects.bulk_create(
            [CommuneTotals(commune_id=code, province_id=province) for code, province in communes],
            batch_size=5000,
            ignore_conflicts=True,
        )
    ProvinceTotals.objects.select_for_update().get(pk=province_id)


def _sum_province(province_id):
    sums = CommuneTotals.objects.filter(province_id=province_id).aggregate(
        **{name: Coalesce(Sum(name), 0) for name in Counts.COUNTED}
    )
    ProvinceTotals.objects.filter(province_id=province_id).update(**sums)


def rebuild_counts():
    """Every commune and province counted again: nightly, and after writes made around the app."""
    with transaction.atomic():
        ProvinceTotals.objects.all().delete()
        CommuneTotals.objects.all().delete()
        counts = count_communes()
        zero = dict.fromkeys(Counts.COUNTED, 0)
        CommuneTotals.objects.bulk_create(
            (
                CommuneTotals(commune_id=code, province_id=province_id, **counts.get(code, zero))
                for code, province_id in Commune.objects.values_list("pk", "province_id").iterator()
            ),
            batch_size=5000,
        )
        ProvinceTotals.objects.bulk_create(
            ProvinceTotals(**row)
            for row in CommuneTotals.objects.values("province_id")
            .annotate(**{name: Sum(name) for name in Counts.COUNTED})
            .order_by()
        )
        vacuum_after_commit(ProvinceTotals, CommuneTotals)
