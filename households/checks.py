"""Recording a skills check: appended, judged by the framework version current when it was made."""

from django.db import transaction
from django.utils import timezone

from households import skills, totals
from households.models import Confirmation, Household, SkillCheck


def record_check(member, shown, checked_by, checked_on=None):
    """Store what `member` showed (skill codes of the current framework) and add the
    confirmations this check completes: each group whose every skill they have now shown under
    this version, and the basic set. Earlier checks and confirmations are never touched."""
    framework = skills.current()
    shown = sorted(code for code in set(shown) if code in framework.skills)
    checked_on = checked_on or timezone.localdate()
    with transaction.atomic():
        check = SkillCheck.objects.create(
            member=member,
            framework=framework.version,
            skills=shown,
            checked_on=checked_on,
            checked_by=checked_by,
        )
        union = set(shown)
        for earlier in member.checks.filter(framework=framework.version).values_list("skills", flat=True):
            union.update(earlier)
        reached = framework.complete_groups(union)
        if framework.has_basic(union):
            reached.add(skills.BASIC)
        held = set(member.confirmations.filter(framework=framework.version).values_list("what", flat=True))
        confirmed = Confirmation.objects.bulk_create(
            Confirmation(member=member, framework=framework.version, what=what, confirmed_on=checked_on)
            for what in sorted(reached - held)
        )
        if confirmed:
            totals.recount(
                Household.objects.filter(pk=member.household_id).values_list("village__commune_id", flat=True)
            )
    return check


def shown_by(member, version=None):
    """The skill codes `member` has shown under `version` (the current one by default)."""
    version = version or skills.current().version
    union = set()
    for shown in member.checks.filter(framework=version).values_list("skills", flat=True):
        union.update(shown)
    return union
