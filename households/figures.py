"""Households covered and people confirmed per skill group: counts, never names.

A household is covered when one of its members holds a "basic" confirmation, under whichever
framework version they were checked against (households/skills.py), so a new version changes
no past figure. The team area and the dashboards count these live; the public progress figures
read each province's kept figures (households/totals.py); the week lane's targets read
`covered_count(team)`.
"""

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from households import skills
from households.models import Confirmation, Household, ProvinceHouseholds


def with_coverage(households):
    """`households` annotated with `covered` (bool)."""
    basic = Confirmation.objects.filter(member__household=OuterRef("pk"), what=skills.BASIC)
    return households.annotate(covered=Exists(basic))


def _villages_of(team):
    if team.village_id:
        return {"village_id": team.village_id}
    return {"village__commune_id": team.commune_id}


def covered_count(team):
    """Households of the team's village (a commune-level team: its commune) that are covered."""
    return with_coverage(Household.objects.filter(**_villages_of(team))).filter(covered=True).count()


def coverage(households):
    """(covered, all) for a queryset of households."""
    return with_coverage(households).filter(covered=True).count(), households.count()


def people_per_group(households):
    """{group code: people confirmed in it}, for the groups of every framework version in use,
    plus skills.BASIC: people with the whole basic set."""
    rows = (
        Confirmation.objects.filter(member__household__in=households)
        .values("what")
        .annotate(people=Count("member", distinct=True))
    )
    return {row["what"]: row["people"] for row in rows}


def group_labels():
    """(code, label) of the current framework's groups, in order, then the basic set."""
    groups = [(group.code, group.label) for group in skills.current().groups]
    return [*groups, (skills.BASIC, _("The basic set"))]


def by_province():
    """{province code: {"households": n, "covered": n, group code or BASIC: people}} for the
    whole country, read from the provinces' kept figures (households/totals.py): the public
    figures protect these cells. A figure of 0 is left out, as a count finding nothing would."""
    result = {}
    rows = ProvinceHouseholds.objects.filter(households__gt=0)
    for province, households, covered, people in rows.values_list("pk", "households", "covered", "people"):
        counted = {"households": households, "covered": covered, **people}
        result[province] = {name: n for name, n in counted.items() if n}
    return result
