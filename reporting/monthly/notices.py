"""Texts to commune officers about their monthly report, through messaging's outbox.

Each officer is texted in their own language, only inside the sending window (the outbox's
dispatcher holds a text until then), and under a key naming what the text is about, so a retried
call never texts twice. The reason a report was returned goes whole: it is why the officer has to
act.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role, RoleAssignment
from messaging.models import Purpose
from messaging.outbox import queue_many


def commune_officers(commune_ids):
    """{commune id: [officer users with a phone]} for the communes in `commune_ids`."""
    officers = {}
    for assignment in RoleAssignment.objects.filter(
        role=Role.COMMUNE_OFFICER,
        commune_id__in=commune_ids,
        user__is_active=True,
        user__phone__isnull=False,
    ).select_related("user"):
        officers.setdefault(assignment.commune_id, []).append(assignment.user)
    return officers


def tell_commune_officers(report, event):
    """The report came back to the commune (returned or reopened): tell its officers why."""
    items = []
    for user in commune_officers([report.commune_id]).get(report.commune_id, []):
        with translation.override(user.preferred_language):
            if event.action == event.Action.RETURNED:
                text = _("The report of %(commune)s for %(month)s was returned: %(reason)s")
            else:
                text = _("The report of %(commune)s for %(month)s was reopened: %(reason)s")
            body = text % {
                "commune": report.commune.name,
                "month": f"{report.month:%m/%Y}",
                "reason": event.reason,
            }
        items.append(
            {
                "recipient_phone": user.phone,
                "body": body,
                "purpose": Purpose.NOTICE,
                "idempotency_key": f"monthly-report:{report.pk}:event:{event.pk}:user:{user.pk}",
                "language": user.preferred_language,
                "commune": report.commune,
            }
        )
    queue_many(items)
