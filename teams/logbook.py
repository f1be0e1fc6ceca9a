"""Writing a session to the log: once per form, telling reporting which months changed."""

import uuid

from django.db import IntegrityError, transaction

from teams.models import AssistanceLog, LogOutcome


def save_log(form, user, log=None):
    """Create (or correct) the log from a valid `AssistanceLogForm`; returns (log, created).

    A form posted twice carries the same `submission_key`: the second post returns the log the
    first one made instead of another, even when both arrive at once (the key is unique).
    """
    data = form.cleaned_data
    created = log is None
    if created:
        key = data.get("submission_key") or uuid.uuid4()
        existing = AssistanceLog.objects.filter(team=form.team, submission_key=key).first()
        if existing:
            return existing, False
        log = AssistanceLog(
            team=form.team, commune_id=form.team.commune_id, submission_key=key, created_by=user
        )
    for name in ("held_on", "village", "citizens_helped", "women_helped", "over_60_helped", "note"):
        setattr(log, name, data[name])
    log.updated_by = user
    counted_before = log.counted_before()
    try:
        with transaction.atomic():
            log.save(announce=False)  # announced once below, with the outcomes
            log.attendees.set(data["attendees"])
            log.services.set(data["services"])
            counts = form.outcome_counts()
            log.outcomes.exclude(outcome_type_id__in=counts).delete()
            for outcome_type_id, count in counts.items():
                LogOutcome.objects.update_or_create(
                    log=log, outcome_type_id=outcome_type_id, defaults={"count": count}
                )
            log.announce_change(counted_before)
    except IntegrityError:
        # The same form saved at the same moment by a second tap: that one won.
        existing = AssistanceLog.objects.filter(submission_key=log.submission_key).first()
        if existing is None:
            raise
        return existing, False
    return log, created


def probable_duplicate(log):
    """Another log of the same team, day and village: flagged for the leader, never refused, since
    two sessions in one village on one day happen (morning and evening)."""
    return (
        AssistanceLog.objects.filter(team_id=log.team_id, held_on=log.held_on, village_id=log.village_id)
        .exclude(pk=log.pk)
        .exists()
    )
