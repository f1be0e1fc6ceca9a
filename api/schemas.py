"""What the API answers, as pydantic schemas: the OpenAPI document is generated from them."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema

Suppressed = Literal["< 5", "x"]


class Figures(Schema):
    """A unit's public figures; a hidden one is null and named in `suppressed`."""

    code: str
    name: str
    villages: int
    villages_with_active_team: int
    members: int | None
    trained_members: int | None
    sessions: int | None
    citizens_helped: int | None
    suppressed: dict[str, Suppressed]


class Month(Schema):
    month: str  # YYYY-MM
    sessions: int | None
    citizens_helped: int | None


class Progress(Schema):
    as_of: date
    period_start: date
    period_end: date
    total: Figures
    units: list[Figures]
    months: list[Month]


class DatasetField(Schema):
    name: str
    type: str
    title: str
    description: str


class Dataset(Schema):
    slug: str
    title: str
    description: str
    licence: str
    as_of: date
    csv_url: str
    json_url: str
    page_url: str
    fields: list[DatasetField]


class Unit(Schema):
    code: str
    name: str
    kind: str


class Village(Schema):
    id: int
    name: str
    commune_code: str


class VillagePage(Schema):
    items: list[Village]
    next_cursor: int | None


class Session(Schema):
    id: int
    course: str
    starts_at: datetime
    ends_at: datetime
    province_code: str
    commune_code: str
    commune_name: str
    village_name: str | None
    address: str
    online_url: str
    places_left: int
    url: str
