"""Provinces, communes and villages named by people (a spreadsheet's cells, a sheet's title),
resolved on the 2025 map and checked against a scope.

The whole map (34 provinces, 3,321 communes) is loaded once per `PlaceNames`, so an import of
50,000 rows costs no query a row. Names are compared through vietnamese.units (with or without
type word and marks). A name that resolves to no unit, several, or one outside the scope raises
`PlaceNameError`, whose str() tells the person how to fix it, in their language.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import cast

from django.utils.translation import gettext as _

from places.models import Commune, Province, Village
from places.scopes import Scope
from vietnamese.text import fold, normalize, search_key
from vietnamese.units import hamlet_core, unit_key, unit_key_candidates

# "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "UBND PHƯỜNG BA ĐÌNH" in the title lines above a header.
_COMMITTEE = re.compile(r"^(?:uy ban nhan dan|ubnd)\s+(?=(?:xa|phuong|dac khu)\b)(.+)$")


class PlaceNameError(ValueError):
    pass


class PlaceNames:
    """Resolves names inside `scope` (places.scopes.Scope), remembering every answer."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.provinces: dict[str, list[Province]] = {}
        for province in Province.objects.all():
            self.provinces.setdefault(province.name_key, []).append(province)
        self.communes: defaultdict[str, list[Commune]] = defaultdict(list)
        self.by_code: dict[str, Commune] = {}
        for commune in Commune.objects.select_related("province"):
            self.communes[commune.name_key].append(commune)
            self.by_code[commune.pk] = commune
        self._cache: dict[tuple[object, ...], object] = {}
        # commune code -> {key or hamlet core: the village's key}
        self._village_keys: dict[str, dict[str, str]] = {}

    def _cached[T](self, find: Callable[..., T], *args: object) -> T:
        """`find(*args)`, or the PlaceNameError it raised, worked out once per import: every row of a
        provincial file names the same province and a few hundred communes."""
        cache_key = (find.__name__, *args)
        if cache_key not in self._cache:
            try:
                self._cache[cache_key] = find(*args)
            except PlaceNameError as error:
                self._cache[cache_key] = error
        found = self._cache[cache_key]
        if isinstance(found, PlaceNameError):
            raise found
        return cast(T, found)

    def province(self, text: object) -> Province:
        """The province `text` names, or PlaceNameError."""
        return self._cached(self._find_province, text)

    def _find_province(self, text: object) -> Province:
        for key in unit_key_candidates(text):
            if len(self.provinces.get(key, [])) == 1:
                return self.provinces[key][0]
        raise PlaceNameError(
            _("Province %(value)s is not on the map since 1 July 2025: write the new province.")
            % {"value": normalize(text)}
        )

    def village_key(self, commune: Commune, name: str) -> str:
        """The key of the village `name` in `commune`: an existing village's if one matches, else
        that of a village named earlier in the file, so that "Bản Chợ" and "Thôn Bản Chợ" of one
        commune are one village (matched on the name without its unit words, vietnamese.units)."""
        code = commune.code  # not .pk: a property call, on every row of a provincial file
        if code not in self._village_keys:
            known: dict[str, str] = {}
            for village_name, name_key in Village.objects.filter(commune=commune).values_list(
                "name", "name_key"
            ):
                known.setdefault(name_key, name_key)
                known.setdefault(hamlet_core(village_name), name_key)
            self._village_keys[code] = known
        cache_key = (code, name)
        if cache_key not in self._cache:
            known = self._village_keys[code]
            core = hamlet_core(name)
            key = next((known[key] for key in unit_key_candidates(name) if key in known), None)
            if key is None:
                key = known.get(core) or unit_key(name)
            known.setdefault(key, key)
            known.setdefault(core, key)
            self._cache[cache_key] = key
        return cast(str, self._cache[cache_key])

    def default_commune(self) -> Commune | None:
        """The officer's only commune, for files that do not name one."""
        if len(self.scope.communes) == 1 and not self.scope.provinces and not self.scope.national:
            return self.by_code.get(next(iter(self.scope.communes)))
        return None

    def commune_in_title(self, rows: Iterable[Sequence[object]]) -> Commune | None:
        """The commune whose People's Committee heads the sheet, if a title line names one."""
        for row in rows:
            for value in row:
                match = _COMMITTEE.match(fold(value or "") if isinstance(value, str) else "")
                if match:
                    try:
                        return self.commune(match.group(1), None)
                    except PlaceNameError:
                        return None
        return None

    def commune(self, text: object, province: Province | None, district: object = None) -> Commune:
        """The commune `text` names (in `province` if given) inside the scope, or PlaceNameError."""
        # Keyed by the province's code: a model's __hash__ costs more than the lookup, once per row.
        return self._cached(self._find_commune, text, province.code if province else None, district)

    def _find_commune(self, text: object, province_code: str | None, district: object) -> Commune:
        name = normalize(str(text))
        for key in unit_key_candidates(name):
            matches = [
                c
                for c in self.communes.get(key, [])
                if province_code is None or c.province_id == province_code
            ]
            if not province_code and len(matches) > 1:
                inside = [c for c in matches if self.scope.contains_commune(c)]
                matches = inside if len(inside) == 1 else matches
            if len(matches) == 1:
                commune = matches[0]
                if not self.scope.contains_commune(commune):
                    raise PlaceNameError(
                        _(
                            "%(commune)s (%(province)s) is outside the units you manage: remove the row or ask "
                            "an officer of that commune to import it."
                        )
                        % {"commune": commune.name, "province": commune.province.name}
                    )
                return commune
            if matches:
                raise PlaceNameError(
                    _("Several communes are named %(value)s: fill in the province column.") % {"value": name}
                )
        # The vietnam-provinces data holds only the 2025 map, so the successor cannot be named.
        if district:
            raise PlaceNameError(
                _(
                    "%(value)s (%(district)s) is a commune from before 1 July 2025: districts and that commune "
                    "no longer exist on the 2025 map. Write the new commune or ward that took it over."
                )
                % {"value": name, "district": normalize(str(district))}
            )
        raise PlaceNameError(
            _(
                "%(value)s is not a commune or ward on the map since 1 July 2025 (it may be an old commune "
                "merged in 2025, which no longer exists): write the new commune or ward."
            )
            % {"value": name}
        )


def village_kind(name: str) -> Village.Kind:
    """A tổ dân phố or khu phố (a town's residential group) by its name, else a village."""
    if search_key(name).startswith(("to ", "tdp", "khu pho")):
        return Village.Kind.RESIDENTIAL_GROUP
    return Village.Kind.VILLAGE
