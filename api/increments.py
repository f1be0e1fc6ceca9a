"""Pulling by increments: what changed since a moment, and what was deleted since then.

A province copies its scope once, then asks `?updated_since=` with the moment its last pull
began (not ended: a row changed during the pull is sent again rather than missed). Rows changed
since answer in the usual lists; rows deleted since answer at `deleted/`, from the marks
places/tombstones.py keeps, within the token's scope like everything else.
"""

from datetime import UTC, datetime
from typing import Literal

from django.utils import timezone
from ninja import Schema
from ninja.errors import HttpError

from places.models import Tombstone

PAGE_MAX = 1000


def changed_since(queryset, updated_since):
    """`queryset` narrowed to rows changed at or after `updated_since` (all when None)."""
    if updated_since is None:
        return queryset
    return queryset.filter(updated_at__gte=aware(updated_since))


def aware(moment):
    """The moment in UTC; one without a zone is read in Vietnam time, as the site shows every time.

    In UTC because PostgreSQL refuses some offsets Python accepts (-21:43, found by the fuzz);
    a moment that leaves the calendar when moved to UTC (1 January of year 1, +07:00) is a 422."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise HttpError(422, "A moment between the years 1 and 9999, in UTC.") from None


class Deleted(Schema):
    kind: str
    id: int
    deleted_at: datetime


class DeletedPage(Schema):
    items: list[Deleted]
    next_cursor: int | None


def deleted_page(tombstones, kinds, since, cursor, limit):
    """A page of deletions of `kinds` since `since`, in the order they happened; the cursor is
    the mark's own id, so a page never skips a deletion made while pulling."""
    limit = max(1, min(limit, PAGE_MAX))
    rows = list(
        tombstones.filter(kind__in=kinds, deleted_at__gte=aware(since), pk__gt=cursor)
        .order_by("pk")
        .values("pk", "kind", "object_id", "deleted_at")[: limit + 1]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "items": [{"kind": r["kind"], "id": r["object_id"], "deleted_at": r["deleted_at"]} for r in rows],
        "next_cursor": rows[-1]["pk"] if more else None,
    }


ScopedKind = Literal["teams", "members", "logs", "reports"]
SCOPED_KINDS = ("teams", "members", "logs", "reports")
TOMBSTONES = Tombstone.objects.all()
