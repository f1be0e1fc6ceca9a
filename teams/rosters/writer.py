"""Carrying out an import plan: everything in one transaction, or nothing.

Rows are written in bulk (a provincial file has tens of thousands), so the history the models
write in `save()` (TeamEvent) is written here in bulk too, with the same kinds and details.
"""

from django.db import transaction
from django.utils import timezone

from places.models import Village
from teams.models import Member, Team, TeamEvent
from teams.rosters.outcome import NEW, UPDATED
from vietnamese.text import search_key

BATCH_SIZE = 1000


class PlanHasErrors(Exception):
    """Raised inside the transaction so that nothing of a plan with errors is written."""


def write_plan(plan, recorded_by=None, progress=None):
    """Write `plan`; returns its summary. Raises PlanHasErrors (nothing written) if it has errors."""
    if not plan.ok:
        raise PlanHasErrors
    with transaction.atomic():
        Village.objects.bulk_create(plan.new_villages.values(), batch_size=BATCH_SIZE)
        Village.objects.bulk_update(plan.changed_villages.values(), ["population"], BATCH_SIZE)
        for team in plan.new_teams.values():
            team.village_id = team.village.pk if team.village else None
        Team.objects.bulk_create(plan.new_teams.values(), batch_size=BATCH_SIZE)
        Team.objects.bulk_update(
            plan.changed_teams.values(), ["decision_number", "decision_date"], BATCH_SIZE
        )
        events = [
            TeamEvent(
                team_id=team.pk,
                kind=TeamEvent.Kind.FOUNDED,
                detail=team.decision_number,
                happened_on=team.decision_date or team.founded_on,
                recorded_by=recorded_by,
            )
            for team in plan.new_teams.values()
        ]
        created, updated = _write_members(plan, events, recorded_by, progress)
        TeamEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)
    return plan.summary() | {"written": {"members_new": created, "members_updated": updated}}


def _write_members(plan, events, recorded_by, progress):
    new_members, demoted, updated, role_changes = [], [], [], []
    for change in plan.members:
        if change.status == NEW:
            member = Member(team=plan.teams[change.team_key], **change.values)
            member.name_key = search_key(member.full_name)
            new_members.append(member)
        elif change.status == UPDATED:
            member = change.member
            old_role = member.role
            for name, value in change.values.items():
                setattr(member, name, value)
            member.name_key = search_key(member.full_name)
            # Former leaders step down first, or the new leader would meet the one-leader rule.
            (demoted if old_role == Member.TeamRole.LEADER != member.role else updated).append(member)
            if old_role != member.role:
                role_changes.append(member)
    fields = sorted({name for change in plan.members for name in change.values} | {"name_key", "updated_at"})
    now = timezone.now()
    for member in demoted + updated:
        member.updated_at = now
    Member.objects.bulk_update(demoted, fields, batch_size=BATCH_SIZE)
    Member.objects.bulk_update(updated, fields, batch_size=BATCH_SIZE)
    total = len(new_members)
    for start in range(0, total, BATCH_SIZE):
        Member.objects.bulk_create(new_members[start : start + BATCH_SIZE])
        if progress:
            progress(start + BATCH_SIZE, total)
    # What get_role_display() gives, translated once per role rather than once per member.
    role_names = {role: str(label) for role, label in Member.TeamRole.choices}
    recorded_by_id = recorded_by.pk if recorded_by else None
    today = timezone.localdate()
    events.extend(
        TeamEvent(
            team_id=member.team_id,
            kind=TeamEvent.Kind.MEMBER_JOINED,
            member_id=member.pk,
            detail=role_names[member.role],
            happened_on=member.joined_on,
            recorded_by_id=recorded_by_id,
        )
        for member in new_members
    )
    events.extend(
        TeamEvent(
            team_id=member.team_id,
            kind=TeamEvent.Kind.ROLE_CHANGED,
            member_id=member.pk,
            detail=role_names[member.role],
            happened_on=today,
            recorded_by_id=recorded_by_id,
        )
        for member in role_changes
    )
    return len(new_members), len(demoted) + len(updated)
