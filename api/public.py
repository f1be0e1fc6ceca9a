"""The public half of the API: what the public pages and open data show, for machines.

No sign-in and nothing personal: the protected aggregates of progress/figures.py (a hidden figure
is null, its mark in `suppressed`), the open datasets, the map, and the sessions citizens can sign
up for (without the trainer's name or who registered).
"""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError

from api import schemas
from api.increments import TOMBSTONES, DeletedPage, changed_since, deleted_page
from places.models import Commune, Province, Village
from progress import publish
from progress.datasets import BY_SLUG, COLUMNS, DATASETS, HIDDEN_TEXT, SMALL_TEXT
from progress.figures import public_table
from progress.suppression import SMALL
from teams.activity import last_months, next_month
from trainings.nearby import sessions_near

router = Router()
PAGE_MAX = 1000


def _figures(unit):
    values = {column: unit.shown(name) for column, name in COLUMNS.items()}
    suppressed = {
        column: SMALL_TEXT if unit.marks[name] == SMALL else HIDDEN_TEXT
        for column, name in COLUMNS.items()
        if name in unit.marks
    }
    return {"code": unit.code, "name": unit.name, **values, "suppressed": suppressed}


def _progress(table, total, units, trend):
    today = timezone.localdate()
    return {
        "as_of": today,
        "period_start": table.months[0],
        "period_end": min(today, next_month(table.months[-1]) - timezone.timedelta(days=1)),
        "total": _figures(total),
        "units": [_figures(unit) for unit in units],
        "months": [
            {"month": month.strftime("%Y-%m"), "sessions": sessions, "citizens_helped": citizens}
            for month, sessions, citizens in trend
        ],
    }


@router.get("/progress/", response=schemas.Progress, summary="The country's progress, by province")
def national_progress(request):
    table = public_table(last_months())
    return _progress(table, table.nation, table.provinces, table.trend[""])


@router.get("/progress/{code}/", response=schemas.Progress, summary="A province's progress, by commune")
def province_progress(request, code: str):
    if not Province.objects.filter(pk=code).exists():
        raise HttpError(404, "Not found")
    table = public_table(last_months(), [code])
    [total] = [unit for unit in table.provinces if unit.code == code]
    return _progress(table, total, table.communes[code], table.trend[code])


def _dataset(dataset):
    return {
        "slug": dataset.slug,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "licence": publish.LICENCE["path"],
        "as_of": timezone.localdate(),
        "csv_url": publish.file_url(dataset.slug, "csv"),
        "json_url": publish.file_url(dataset.slug, "json"),
        "page_url": publish.landing_url(dataset.slug, "vi"),
        "fields": [
            {"name": f.name, "type": f.type, "title": str(f.title), "description": str(f.description)}
            for f in dataset.fields
        ],
    }


@router.get("/datasets/", response=list[schemas.Dataset], summary="The open datasets")
def datasets(request):
    return [_dataset(dataset) for dataset in DATASETS]


@router.get(
    "/datasets/{slug}/", response=schemas.Dataset, summary="One open dataset: its dictionary and files"
)
def dataset(request, slug: str):
    if slug not in BY_SLUG:
        raise HttpError(404, "Not found")
    return _dataset(BY_SLUG[slug])


@router.get("/provinces/", response=list[schemas.Unit], summary="The 34 provinces and cities")
def provinces(request):
    return [{"code": p.pk, "name": p.name, "kind": p.kind} for p in Province.objects.order_by("pk")]


@router.get("/provinces/{code}/communes/", response=list[schemas.Unit], summary="A province's communes")
def communes(request, code: str):
    if not Province.objects.filter(pk=code).exists():
        raise HttpError(404, "Not found")
    return [
        {"code": c.pk, "name": c.name, "kind": c.kind}
        for c in Commune.objects.filter(province_id=code).order_by("pk")
    ]


@router.get("/villages/", response=schemas.VillagePage, summary="Villages of a commune, by cursor")
def villages(
    request, commune: str, cursor: int = 0, limit: int = PAGE_MAX, updated_since: datetime | None = None
):
    """Pages of at most 1,000 villages in id order; pass `next_cursor` back as `cursor`. With
    `updated_since`, only villages changed since (deleted ones: `villages/deleted/`)."""
    limit = max(1, min(limit, PAGE_MAX))
    rows = list(
        changed_since(Village.objects.filter(commune_id=commune, pk__gt=cursor), updated_since)
        .order_by("pk")
        .values("pk", "name", "commune_id")[: limit + 1]
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "items": [{"id": r["pk"], "name": r["name"], "commune_code": r["commune_id"]} for r in rows],
        "next_cursor": rows[-1]["pk"] if more else None,
    }


@router.get("/villages/deleted/", response=DeletedPage, summary="Villages deleted since a moment")
def deleted_villages(request, since: datetime, cursor: int = 0, limit: int = PAGE_MAX):
    """Villages deleted (or merged away) at or after `since`, by cursor: villages are public."""
    return deleted_page(TOMBSTONES, ["villages"], since, cursor, limit)


@router.get("/trainings/", response=list[schemas.Session], summary="Upcoming sessions open to citizens")
def trainings(request, place: str = ""):
    """The sessions the public page lists (`/vi/trainings/?place=…`), nearest first when a place is given."""
    return [
        {
            "id": s.pk,
            "course": s.course.title,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            "province_code": s.commune.province_id,
            "commune_code": s.commune_id,
            "commune_name": s.commune.name,
            "village_name": s.village.name if s.village else None,
            "address": s.address,
            "online_url": s.online_url,
            "places_left": max(0, s.places_left),
            "url": f"{settings.SITE_URL}{reverse('trainings:session', args=[s.pk])}",
        }
        for s in sessions_near(place.strip()[:100])[:50]
    ]
