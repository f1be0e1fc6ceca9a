"""A part of the map, and the condition a row must meet to lie in it.

A `Scope` is the whole country, some provinces, or some communes. A model says where it sits on
the map with `scope_commune_path`: the lookup path from it to its Commune (for example
`"village__commune"` on a team); Province and Commune themselves need none. A model held either
in a province or in a commune (a role) names both ways to its province in `scope_province_paths`.

Who gets which scope is decided above, from people's roles (accounts/scopes.py).
"""

from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet

from places.models import Commune, Province


@dataclass(frozen=True)
class Scope:
    national: bool = False
    provinces: frozenset[str] = field(default_factory=frozenset)
    communes: frozenset[str] = field(default_factory=frozenset)
    # Provinces that hold one of `communes`: visible (their name shows) but not theirs to manage.
    parent_provinces: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not (self.national or self.provinces or self.communes)

    def q(self, model: type[Model]) -> Q:
        """The condition rows of `model` must meet to be in this scope."""
        if self.national:
            return Q()
        if model is Province:
            return Q(pk__in=self.provinces | self.parent_provinces)
        if model is Commune:
            commune_path, province_paths = "pk", ["province"]
        else:
            commune_path = model.scope_commune_path  # type: ignore[attr-defined]  # each model on the map declares it
            province_paths = getattr(model, "scope_province_paths", [f"{commune_path}__province"])
        condition = Q(pk__in=[])
        for province_path in province_paths if self.provinces else []:
            condition |= Q(**{f"{province_path}__in": self.provinces})
        if self.communes:
            condition |= Q(**{f"{commune_path}__in": self.communes})
        return condition

    def filter[M: Model](self, queryset: QuerySet[M]) -> QuerySet[M]:
        return queryset.filter(self.q(queryset.model))

    def contains_commune(self, commune: Commune) -> bool:
        return self.national or commune.pk in self.communes or commune.province_id in self.provinces
