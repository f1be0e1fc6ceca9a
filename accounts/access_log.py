"""Every export or download of personal data leaves one row in the access log (Law 91/2025).

Lives in accounts, below teams, trainings and the rights pages, so each of them records its own
downloads without importing anything higher:

    from accounts.access_log import record_access
    record_access(request.user, "members", rows=len(dataset), detail="xlsx")

`scope` says over which units the file was made; by default the user's geographic scope
("nation", "province:01", "commune:00001,00004"), or "self" for a person's own data.
"""

from accounts.models import AccessLogEntry
from accounts.scopes import scope_for


def scope_label(user):
    scope = scope_for(user)
    if scope.national:
        return "nation"
    parts = [f"province:{','.join(sorted(scope.provinces))}"] if scope.provinces else []
    if scope.communes:
        parts.append(f"commune:{','.join(sorted(scope.communes))}")
    return " ".join(parts) or "none"


def record_access(user, what, *, rows, scope=None, detail=""):
    """Record that `user` took `rows` rows of personal data out as `what`."""
    authenticated = getattr(user, "is_authenticated", False)
    return AccessLogEntry.objects.create(
        user=user if authenticated else None,
        user_label=(user.email or user.phone or str(user.pk)) if authenticated else "",
        what=what[:64],
        scope=(scope or scope_label(user))[:255],
        rows=rows,
        detail=detail[:255],
    )
