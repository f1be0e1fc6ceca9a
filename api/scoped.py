"""The officers' half of the API: a token reads its user's scope, nothing named in the request.

Every query goes through accounts.scopes.visible, so an id outside the scope answers 404 like an
id that does not exist. 60 requests a minute per token, counted by the project's one throttle
(runtime/throttle.py) in the shared cache. Logs come in pages of at most 1,000 rows by cursor,
with no total count (a count over a national table is the slow part and a province does not need
it to pull). Only tokens of officers exist (api/admin_tokens.py), and an officer sees the members
of their scope in the admin, names and phones included; so does their token, and every page of
members is written to the access log, as a download from the admin is.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from accounts.access_log import record_access
from accounts.scopes import get_visible_or_404, visible
from api.increments import SCOPED_KINDS, TOMBSTONES, DeletedPage, ScopedKind, changed_since, deleted_page
from api.models import ApiToken
from reporting.models import MonthlyReport
from runtime import throttle
from teams.models import AssistanceLog, Member, Team

PAGE_MAX = 1000
RATE = "60/m/key"


class TokenAuth(HttpBearer):
    """A live token, within its rate; None (401) otherwise, 429 past 60 requests a minute."""

    def authenticate(self, request, token):
        found = ApiToken.live(token)
        if found is None:
            return None
        if not throttle.allow(request, "api_token", key=str(found.pk), rates=RATE):
            raise HttpError(429, "Too many requests: 60 a minute per token.")
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found


router = Router(auth=TokenAuth())


class TeamOut(Schema):
    id: int
    name: str
    commune_code: str
    status: str
    updated_at: datetime


class LogOut(Schema):
    id: int
    team_id: int
    commune_code: str
    held_on: object
    citizens_helped: int
    updated_at: object


class MemberOut(Schema):
    id: int
    team_id: int
    full_name: str
    phone: str | None
    training_status: str
    left_on: date | None
    updated_at: datetime


class MemberPage(Schema):
    items: list[MemberOut]
    next_cursor: int | None


class ReportOut(Schema):
    id: int
    province_code: str
    commune_code: str | None
    month: object
    state: str
    figures: dict
    figures_hash: str
    first_submitted_at: object
    updated_at: object


class LogPage(Schema):
    items: list[LogOut]
    next_cursor: int | None


def _team(team):
    return {
        "id": team.pk,
        "name": team.name,
        "commune_code": team.commune_id,
        "status": team.status,
        "updated_at": team.updated_at,
    }


@router.get("/teams/", response=list[TeamOut], summary="The teams of the token's scope")
def teams(request, updated_since: datetime | None = None):
    """Every team of the scope, or those changed since `updated_since` (ISO 8601)."""
    rows = changed_since(visible(request.user, Team.objects.order_by("pk")), updated_since)
    return [_team(team) for team in rows]


@router.get("/teams/{team_id}/", response=TeamOut, summary="One team of the token's scope")
def team(request, team_id: int):
    return _team(get_visible_or_404(request.user, Team.objects.all(), pk=team_id))


@router.get("/logs/", response=LogPage, summary="Help sessions of the token's scope, by cursor")
def logs(request, cursor: int = 0, limit: int = PAGE_MAX, updated_since: datetime | None = None):
    """Pages of at most 1,000 logs in id order; pass `next_cursor` back as `cursor`."""
    limit = max(1, min(limit, PAGE_MAX))
    rows = list(
        changed_since(visible(request.user, AssistanceLog.objects.filter(pk__gt=cursor)), updated_since)
        .order_by("pk")
        .values("pk", "team_id", "commune_id", "held_on", "citizens_helped", "updated_at")[: limit + 1]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    items = [{**row, "id": row["pk"], "commune_code": row["commune_id"]} for row in rows]
    return {"items": items, "next_cursor": rows[-1]["pk"] if more else None}


@router.get("/members/", response=MemberPage, summary="Current members of the token's scope, by cursor")
def members(request, cursor: int = 0, limit: int = PAGE_MAX, updated_since: datetime | None = None):
    """Pages of at most 1,000 members in id order; each page is recorded in the access log.

    The current members; with `updated_since`, every member changed since, those who left
    included (their `left_on` set), so a province's copy sees them go."""
    limit = max(1, min(limit, PAGE_MAX))
    members = Member.objects.all() if updated_since else Member.objects.current()
    rows = list(
        changed_since(visible(request.user, members.filter(pk__gt=cursor)), updated_since)
        .order_by("pk")
        .values("pk", "team_id", "full_name", "phone", "training_status", "left_on", "updated_at")[
            : limit + 1
        ]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    record_access(request.user, "api members", rows=len(rows), detail=f"token {request.auth.prefix}")
    return {
        "items": [{**row, "id": row["pk"]} for row in rows],
        "next_cursor": rows[-1]["pk"] if more else None,
    }


REPORT_FIELDS = ("pk", "province_id", "commune_id", "month", "state", "figures", "figures_hash")


def _report(row):
    return {**row, "id": row["pk"], "province_code": row["province_id"], "commune_code": row["commune_id"]}


def _reports(request):
    return visible(request.user, MonthlyReport.objects.order_by("month", "pk")).values(
        *REPORT_FIELDS, "first_submitted_at", "updated_at"
    )


@router.get("/reports/", response=list[ReportOut], summary="Monthly reports of the token's scope")
def reports(request, month: str = "", updated_since: datetime | None = None):
    """Every report of the scope, or of one month (YYYY-MM), or those changed since
    `updated_since`: the figures as last compiled."""
    rows = changed_since(_reports(request), updated_since)
    if month:
        try:
            rows = rows.filter(month=f"{month}-01")
        except ValidationError:
            raise HttpError(422, "month: YYYY-MM") from None
    return [_report(row) for row in rows]


@router.get("/reports/{report_id}/", response=ReportOut, summary="One monthly report of the token's scope")
def report(request, report_id: int):
    row = _reports(request).filter(pk=report_id).first()
    if row is None:
        raise HttpError(404, "Not found")
    return _report(row)


@router.get("/deleted/", response=DeletedPage, summary="Rows of the token's scope deleted since a moment")
def deleted(request, since: datetime, kind: ScopedKind | None = None, cursor: int = 0, limit: int = PAGE_MAX):
    """Teams, members, logs and reports deleted at or after `since`, by cursor: with the lists'
    `updated_since`, what a province needs to keep its copy equal to ours."""
    kinds = [kind] if kind else SCOPED_KINDS
    return deleted_page(visible(request.user, TOMBSTONES), kinds, since, cursor, limit)
