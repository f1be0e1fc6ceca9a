"""Carrying out a roster or village plan: everything in one transaction, or nothing.

Rows are written in bulk (a provincial file has tens of thousands); their history goes through
teams.models.history, the same functions `Team.save` and `Member.save` use. The communes whose
counts changed are announced (teams.signals.commune_counts_changed) inside the transaction, so
totals kept by the layers above commit or roll back with the rows.
"""

from django.db import transaction
from django.utils import timezone

from places.models import Village
from rosters import bulk
from rosters.outcome import NEW, UPDATED, PlanHasErrors
from teams.models import Member, Team, history
from teams.signals import commune_counts_changed

BATCH_SIZE = 1000


def write_plan(plan, recorded_by=None, progress=None):
    """Write `plan`; returns its summary. Raises PlanHasErrors (nothing written) if it has errors."""
    if not plan.ok:
        raise PlanHasErrors
    with transaction.atomic():
        bulk.insert(Village, plan.new_villages.values())
        # bulk_update skips auto_now: updated_at is set here for the API's `updated_since`.
        now = timezone.now()
        for row in [*plan.changed_villages.values(), *plan.changed_teams.values()]:
            row.updated_at = now
        Village.objects.bulk_update(plan.changed_villages.values(), ["population", "updated_at"], BATCH_SIZE)
        for team in plan.new_teams.values():
            team.village_id = team.village.pk if team.village else None
        bulk.insert(Team, plan.new_teams.values())
        Team.objects.bulk_update(
            plan.changed_teams.values(), ["decision_number", "decision_date", "updated_at"], BATCH_SIZE
        )
        events = history.team_events(list(plan.new_teams.values()), created=True)
        created, updated = _write_members(plan, events, progress)
        history.write(events, recorded_by)
        communes = {village.commune_id for village in plan.new_villages.values()}
        communes |= {village.commune_id for village in plan.changed_villages.values()}
        communes |= {team.commune_id for team in plan.teams.values()}
        if communes:
            commune_counts_changed.send(sender=Member, commune_ids=sorted(communes))
    return plan.summary() | {"written": {"members_new": len(created), "members_updated": len(updated)}}


def _write_members(plan, events, progress):
    new_rows, demoted, updated = [], [], []
    for change in plan.members:
        if change.status == NEW:
            team_id = plan.teams[change.team_key].pk
            new_rows.append({"team_id": team_id, **change.values, "name_key": change.name_key})
        elif change.status == UPDATED:
            member = change.member
            old_role = member.role
            for name, value in change.values.items():
                setattr(member, name, value)
            member.name_key = change.name_key
            # Former leaders step down first, or the new leader would meet the one-leader rule.
            (demoted if old_role == Member.TeamRole.LEADER != member.role else updated).append(member)
    fields = sorted({name for change in plan.members for name in change.values} | {"name_key", "updated_at"})
    now = timezone.now()
    for member in demoted + updated:
        member.updated_at = now
    Member.objects.bulk_update(demoted, fields, batch_size=BATCH_SIZE)
    Member.objects.bulk_update(updated, fields, batch_size=BATCH_SIZE)
    # joined_on's default (today) is asked once by `unsaved`, rather than once per member.
    new_members = bulk.unsaved(Member, new_rows)
    total = len(new_members)
    for start in range(0, total, 10 * BATCH_SIZE):
        bulk.insert(Member, new_members[start : start + 10 * BATCH_SIZE])
        if progress:
            progress(start + 10 * BATCH_SIZE, total)
    events.extend(history.member_events(new_members, created=True))
    events.extend(history.member_events(demoted + updated, created=False))
    return new_members, demoted + updated
