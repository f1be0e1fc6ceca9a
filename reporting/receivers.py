"""Reporting listens to what teams says changed and recomputes (or adds new logs), in the sender's transaction."""

from reporting.increments import add_logs
from reporting.summaries import rebuild_all, refresh_commune_months
from reporting.totals import rebuild_counts, refresh_commune_counts
from teams.signals import commune_counts_changed, logs_changed


def _logs_changed(sender, commune_months, added=None, **kwargs):
    if commune_months is None:
        rebuild_all()
    elif added is not None:
        add_logs(added)
    else:
        refresh_commune_months(commune_months)


def _counts_changed(sender, commune_ids, **kwargs):
    if commune_ids is None:
        rebuild_counts()
    else:
        refresh_commune_counts(commune_ids)


def connect():
    logs_changed.connect(_logs_changed, dispatch_uid="reporting.logs_changed")
    commune_counts_changed.connect(_counts_changed, dispatch_uid="reporting.commune_counts_changed")
