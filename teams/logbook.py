"""Writing a session to the log: once per form, with the monthly totals kept in step."""

import uuid

from django.db import IntegrityError, transaction

from teams.models import AssistanceLog, LogOutcome
from teams.summaries import month_start, refresh_commune_months


def save_log(form, user, log=None):
    """Create (or correct) the log from a valid `AssistanceLogForm`; returns (log, created).

    A form posted twice carries the same `submission_key`: the second post returns the log the
    first one made instead of another, even when both arrive at once (the key is unique).
    """
    data = form.cleaned_data
    if log is None:
        key = data.get("submission_key") or uuid.uuid4()
        existing = AssistanceLog.objects.filter(submission_key=key).first()
        if existing:
            return existing, False
        log = AssistanceLog(
            team=form.team, commune_id=form.team.commune_id, submission_key=key, created_by=user
        )
        previous_key = None
    else:
        previous_key = (log.commune_id, month_start(log.held_on))
    for name in ("held_on", "village", "citizens_helped", "women_helped", "over_60_helped", "note"):
        setattr(log, name, data[name])
    log.updated_by = user
    try:
        with transaction.atomic():
            log.save()
            log.attendees.set(data["attendees"])
            log.services.set(data["services"])
            counts = form.outcome_counts()
            log.outcomes.exclude(outcome_type_id__in=counts).delete()
            for outcome_type_id, count in counts.items():
                LogOutcome.objects.update_or_create(
                    log=log, outcome_type_id=outcome_type_id, defaults={"count": count}
                )
            keys = [(log.commune_id, month_start(log.held_on))]
            if previous_key:
                keys.append(previous_key)
            refresh_commune_months(keys)
    except IntegrityError:
        # The same form saved at the same moment by a second tap: that one won.
        existing = AssistanceLog.objects.filter(submission_key=log.submission_key).first()
        if existing is None:
            raise
        return existing, False
    return log, previous_key is None
