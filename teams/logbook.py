"""Writing sessions to the log: once per form, telling reporting which months changed."""

import uuid

from django.db import IntegrityError, transaction

from teams.models import AssistanceLog, LogOutcome
from teams.signals import logs_changed

FIGURES = ("held_on", "village", "citizens_helped", "women_helped", "over_60_helped", "note")


def save_log(form, user, log=None):
    """Create (or correct) the log from a valid `AssistanceLogForm`; returns (log, created).

    A form posted twice carries the same `submission_key`: the second post returns the log the
    first one made instead of another, even when both arrive at once. The unique key is the one
    check: a new log, the usual post, is written without first asking whether it exists (a round
    trip on every save, and on each of a burst replayed from a phone's queue, issue 26).
    """
    created = log is None
    if created:
        log = _new_log(form, form.cleaned_data.get("submission_key") or uuid.uuid4(), user)
    try:
        with transaction.atomic():
            before = _write(log, form, user)
            if created:
                announce_new([(log, form.outcome_counts())])
            else:
                log.announce_change(before)
    except IntegrityError:
        # A key already saved: a second tap, Back then Save, a replay (that one won, whole).
        existing = AssistanceLog.objects.filter(submission_key=log.submission_key).first()
        if existing is None:
            raise
        return existing, False
    return log, created


def save_logs(forms, user):
    """Several new sessions (a month's paper tally) in one transaction: all of them or none.

    Returns [(log, created)] in the forms' order. Rows already saved by an earlier post of the
    same page (their keys exist) come back uncreated; reporting hears once for all the months.
    """
    keys = [form.cleaned_data.get("submission_key") or uuid.uuid4() for form in forms]
    team = forms[0].team
    existing = {
        log.submission_key: log for log in AssistanceLog.objects.filter(team=team, submission_key__in=keys)
    }
    results, new = [], []
    try:
        with transaction.atomic():
            for form, key in zip(forms, keys, strict=True):
                if key in existing:
                    results.append((existing[key], False))
                    continue
                log = _new_log(form, key, user)
                _write(log, form, user)
                new.append((log, form.outcome_counts()))
                results.append((log, True))
            if new:
                announce_new(new)
    except IntegrityError:
        # The same page saved at the same moment by a second tap: that one won, whole.
        saved = {log.submission_key: log for log in AssistanceLog.objects.filter(submission_key__in=keys)}
        if len(saved) != len(keys):
            raise
        return [(saved[key], False) for key in keys]
    return results


def _new_log(form, key, user):
    return AssistanceLog(team=form.team, commune_id=form.team.commune_id, submission_key=key, created_by=user)


def _write(log, form, user):
    """Save the log, its members present, services and outcomes, without telling reporting;
    returns what the log counted in before (for `announce_change`)."""
    data = form.cleaned_data
    for name in FIGURES:
        setattr(log, name, data.get(name, ""))
    log.updated_by = user
    counted_before = log.counted_before()
    counts = form.outcome_counts()
    with transaction.atomic(savepoint=False):  # always inside the caller's: no extra round trips
        new = log._state.adding
        log.save(announce=False)
        if new:
            # Nothing to compare with: one INSERT each, no reading of rows that cannot exist.
            log.attendees.add(*data.get("attendees", []))
            log.services.add(*data["services"])
            LogOutcome.objects.bulk_create(
                LogOutcome(log=log, outcome_type_id=type_id, count=count) for type_id, count in counts.items()
            )
            return counted_before
        log.attendees.set(data.get("attendees", []))
        log.services.set(data["services"])
        log.outcomes.exclude(outcome_type_id__in=counts).delete()
        for outcome_type_id, count in counts.items():
            LogOutcome.objects.update_or_create(
                log=log, outcome_type_id=outcome_type_id, defaults={"count": count}
            )
    return counted_before


def announce_new(saved):
    """Tell reporting of new logs with what each adds, `saved` being [(log, {outcome: count})]:
    it adds them to the month's totals instead of counting the month again."""
    added = [
        {
            "commune_id": log.commune_id,
            "province_id": log.team.commune.province_id,  # the led team's commune is at hand
            "month": log.held_on.replace(day=1),
            "sessions": 1,
            "citizens_helped": log.citizens_helped,
            "women_helped": log.women_helped or 0,
            "over_60_helped": log.over_60_helped or 0,
            "outcomes": counts,
        }
        for log, counts in saved
    ]
    months = {(item["commune_id"], item["month"]) for item in added}
    logs_changed.send(sender=AssistanceLog, commune_months=months, added=added)


def probable_duplicate(log):
    """Another log of the same team, day and village: flagged for the leader, never refused, since
    two sessions in one village on one day happen (morning and evening)."""
    return (
        AssistanceLog.objects.filter(team_id=log.team_id, held_on=log.held_on, village_id=log.village_id)
        .exclude(pk=log.pk)
        .exists()
    )
