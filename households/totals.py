"""Keeping each commune's household figures (CommuneHouseholds) equal to the live rows.

Every change that moves a figure (a household added or moved with its village, a confirmation
recorded, a person removed with theirs, the household list import) calls `recount` with the
communes it touched, inside its own transaction: the figures change exactly when the change
commits. A recount counts the commune again rather than adding a difference, so it is always
exact; a commune holds hundreds to a few thousand households, a few milliseconds. Writes made
around the app (bulk SQL, a queryset's delete) are repaired by `rebuild`, nightly.
"""

from django.db import transaction
from django.db.models import Count

from households.figures import with_coverage
from households.models import CommuneHouseholds, Confirmation, Household

COMMUNE = "village__commune_id"


def count_communes(commune_ids=None):
    """{commune code: {"households": n, "covered": n, "people": {group code or BASIC: n}}}, live,
    for the communes in `commune_ids` (None: every commune), those with households only."""
    where = {} if commune_ids is None else {f"{COMMUNE}__in": commune_ids}
    households = Household.objects.filter(**where)
    counts = {}
    for row in households.values(COMMUNE).annotate(n=Count("pk")).order_by():
        counts[row[COMMUNE]] = {"households": row["n"], "covered": 0, "people": {}}
    covered = with_coverage(households).filter(covered=True)
    for row in covered.values(COMMUNE).annotate(n=Count("pk")).order_by():
        counts[row[COMMUNE]]["covered"] = row["n"]
    commune = f"member__household__{COMMUNE}"
    confirmations = Confirmation.objects.filter(**{f"member__household__{k}": v for k, v in where.items()})
    rows = confirmations.values(commune, "what").annotate(n=Count("member", distinct=True)).order_by()
    for row in rows:
        counts[row[commune]]["people"][row["what"]] = row["n"]
    return counts


def kept():
    """The kept figures, in `count_communes`'s shape."""
    rows = CommuneHouseholds.objects.filter(households__gt=0)
    return {
        row.commune_id: {"households": row.households, "covered": row.covered, "people": row.people}
        for row in rows
    }


def recount(commune_ids):
    """Count the communes in `commune_ids` again, each under its row's lock (taken in a stable
    order), so two changes in one commune never write a count that misses the other's."""
    commune_ids = sorted(set(commune_ids) - {None})
    if not commune_ids:
        return
    with transaction.atomic():
        CommuneHouseholds.objects.bulk_create(
            [CommuneHouseholds(commune_id=code) for code in commune_ids], ignore_conflicts=True
        )
        list(CommuneHouseholds.objects.select_for_update().filter(pk__in=commune_ids).order_by("pk"))
        counts = count_communes(commune_ids)
        for code in commune_ids:
            figures = counts.get(code, {"households": 0, "covered": 0, "people": {}})
            CommuneHouseholds.objects.filter(pk=code).update(**figures)


def villages_moved(sender, commune_ids, **kwargs):
    """places.signals.villages_moved: the households went with their villages."""
    recount(commune_ids)


def rebuild():
    """Every commune counted again: nightly, and after writes made around the app."""
    with transaction.atomic():
        CommuneHouseholds.objects.all().delete()
        CommuneHouseholds.objects.bulk_create(
            (CommuneHouseholds(commune_id=code, **figures) for code, figures in count_communes().items()),
            batch_size=5000,
        )
