"""Writing an assistance log plan: every new log with its services and outcomes, in one go.

The logs, their services and their outcome counts are inserted in bulk inside one transaction,
and reporting is told once which (commune, month) totals to recompute, inside it too.
"""

from django.db import transaction

from rosters.outcome import PlanHasErrors
from teams.models import AssistanceLog, LogOutcome
from teams.signals import logs_changed

BATCH_SIZE = 1000


def write_logs(plan, recorded_by=None, progress=None):
    """Write `plan`; returns its summary. Raises PlanHasErrors (nothing written) if it has errors."""
    if not plan.ok:
        raise PlanHasErrors
    with transaction.atomic():
        logs = AssistanceLog.objects.bulk_create(
            [
                AssistanceLog(
                    team=row["team"],
                    commune_id=row["team"].commune_id,
                    village=row["village"],
                    held_on=row["held_on"],
                    citizens_helped=row["citizens_helped"],
                    women_helped=row["women_helped"],
                    over_60_helped=row["over_60_helped"],
                    note=row["note"],
                    submission_key=row["key"],
                    created_by=recorded_by,
                    updated_by=recorded_by,
                )
                for row in plan.new_logs
            ],
            batch_size=BATCH_SIZE,
        )
        through = AssistanceLog.services.through
        through.objects.bulk_create(
            [
                through(assistancelog_id=log.pk, service_id=service.pk)
                for log, row in zip(logs, plan.new_logs, strict=True)
                for service in row["services"]
            ],
            batch_size=BATCH_SIZE,
        )
        LogOutcome.objects.bulk_create(
            [
                LogOutcome(log_id=log.pk, outcome_type_id=type_id, count=count)
                for log, row in zip(logs, plan.new_logs, strict=True)
                for type_id, count in row["outcomes"].items()
            ],
            batch_size=BATCH_SIZE,
        )
        months = {(log.commune_id, log.held_on.replace(day=1)) for log in logs}
        if months:
            logs_changed.send(sender=AssistanceLog, commune_months=months)
    return plan.summary()
