"""Loading the official provinces and communes from the `vietnam-provinces` package.

Idempotent and all-or-nothing: units are matched on their codes, only what differs is written,
and the whole load runs in one transaction, so an interrupted load leaves the previous map.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import vietnam_provinces
from django.db import transaction
from vietnam_provinces import Province as SourceProvince
from vietnam_provinces import VietNamDivisionType as SourceType
from vietnam_provinces import Ward as SourceWard

from places.models import Commune, MapLoad, NamedUnit, Province
from vietnamese.text import normalize
from vietnamese.units import unit_key

SOURCE = "vietnam-provinces"
PROVINCE_KINDS = {
    SourceType.TINH: Province.Kind.PROVINCE,
    SourceType.THANH_PHO_TRUNG_UONG: Province.Kind.CITY,
}
COMMUNE_KINDS = {
    SourceType.XA: Commune.Kind.COMMUNE,
    SourceType.PHUONG: Commune.Kind.WARD,
    SourceType.DAC_KHU: Commune.Kind.SPECIAL_ZONE,
}


@dataclass
class MapLoadResult:
    provinces: int
    communes: int
    created: int
    updated: int


def _sync[M: NamedUnit](model: type[M], wanted: dict[str, M], fields: Sequence[str]) -> tuple[int, int]:
    """Create the missing rows of `wanted` (code -> model instance) and update those that differ."""
    existing = model.objects.in_bulk(list(wanted))
    # province_id, not a query
    attnames = [field.attname for field in model._meta.concrete_fields if field.name in fields]
    to_create: list[M] = []
    to_update: list[M] = []
    for code, unit in wanted.items():
        current = existing.get(code)
        if current is None:
            to_create.append(unit)
        elif any(getattr(current, name) != getattr(unit, name) for name in attnames):
            to_update.append(unit)
    model.objects.bulk_create(to_create, batch_size=1000)
    model.objects.bulk_update(to_update, fields, batch_size=1000)
    return len(to_create), len(to_update)


def _province(source: SourceProvince) -> Province:
    name = normalize(source.name)
    return Province(
        code=f"{source.code.value:02d}",
        name=name,
        name_key=unit_key(name),
        kind=PROVINCE_KINDS[source.division_type],
    )


def _commune(source: SourceWard) -> Commune:
    name = normalize(source.name)
    return Commune(
        code=f"{source.code.value:05d}",
        province_id=f"{source.province_code.value:02d}",
        name=name,
        name_key=unit_key(name),
        kind=COMMUNE_KINDS[source.division_type],
    )


@transaction.atomic
def load_admin_map() -> MapLoadResult:
    provinces = {unit.code: unit for unit in map(_province, SourceProvince.iter_all())}
    communes = {unit.code: unit for unit in map(_commune, SourceWard.iter_all())}
    created_p, updated_p = _sync(Province, provinces, ["name", "name_key", "kind"])
    created_c, updated_c = _sync(Commune, communes, ["province", "name", "name_key", "kind"])
    result = MapLoadResult(
        provinces=len(provinces),
        communes=len(communes),
        created=created_p + created_c,
        updated=updated_p + updated_c,
    )
    MapLoad.objects.create(
        source=SOURCE,
        data_version=vietnam_provinces.__data_version__,
        provinces=result.provinces,
        communes=result.communes,
        created=result.created,
        updated=result.updated,
    )
    return result
