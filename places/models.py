"""The administrative map: 34 provinces and 3,321 communes since 1 July 2025, and villages.

Provinces and communes are keyed on their official codes (Decision 19/2025/QĐ-TTg), which are
stable and never reused, while names and types may change. Villages (thôn, bản, ấp, tổ dân
phố) have no official code list, so the platform numbers them itself.

The tables were made by the teams app (`teams_province` …) and kept when places/migrations/0001
took the models; places/migrations/0003 renamed them `places_*`, so the database shows the layers.
"""

from collections.abc import Collection
from datetime import date
from typing import Any, ClassVar, Self

from django.db import models
from django.db.models.fetch_modes import FetchMode
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.signals import villages_moved
from vietnamese.text import normalize
from vietnamese.units import unit_key, unit_key_candidates


class UnitQuerySet[M: models.Model](models.QuerySet[M]):
    def named(self, name: object) -> Self:
        """Units whose name matches `name` typed with or without type word and diacritics."""
        return self.filter(name_key__in=unit_key_candidates(name))

    def find(self, name: object) -> M | None:
        """The one unit `name` stands for, preferring the most literal reading; None if none or several."""
        for key in unit_key_candidates(name):
            matches = list(self.filter(name_key=key)[:2])
            if len(matches) == 1:
                return matches[0]
            if matches:
                return None
        return None


class NamedUnit(models.Model):
    name = models.CharField(_("name"), max_length=120)
    # unit_key(name): folded, without type word; what lookups by typed name compare.
    name_key = models.CharField(max_length=120, db_index=True, editable=False)

    objects = UnitQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name_key"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name = normalize(self.name)
        self.name_key = unit_key(self.name)
        super().save(*args, **kwargs)


class Province(NamedUnit):
    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("province")
        CITY = "thanh_pho", _("centrally governed city")

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)

    class Meta(NamedUnit.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class CommuneQuerySet(UnitQuerySet["Commune"]):
    def existing_on(self, day: date) -> Self:
        """Communes that exist on `day` (began on or before it, not yet ceased)."""
        return self.filter(
            models.Q(began_on__isnull=True) | models.Q(began_on__lte=day),
            models.Q(ceased_on__isnull=True) | models.Q(ceased_on__gt=day),
        )


class Commune(NamedUnit):
    class Kind(models.TextChoices):
        COMMUNE = "xa", _("commune")
        WARD = "phuong", _("ward")
        SPECIAL_ZONE = "dac_khu", _("special zone")

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="communes")
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    # A commune's life on the map: monthly reports expect one from each commune that exists on a
    # month's last day, so a commune merged away mid-month is not counted beside the one it joined.
    began_on = models.DateField(
        _("exists since"), null=True, blank=True, help_text=_("Empty: since the map of 1 July 2025.")
    )
    ceased_on = models.DateField(
        _("ceased to exist on"),
        null=True,
        blank=True,
        help_text=_("The first day it no longer exists (merged into another commune, say)."),
    )

    # ClassVar: the stubs read the base's manager as a class variable, which a plain one overrides.
    objects: ClassVar = CommuneQuerySet.as_manager()

    class Meta(NamedUnit.Meta):
        verbose_name = _("commune")
        verbose_name_plural = _("communes")


class Village(NamedUnit):
    """A thôn, bản, ấp or tổ dân phố: the place a community tech team serves."""

    class Kind(models.TextChoices):
        VILLAGE = "thon", _("village (thôn, bản, ấp)")
        RESIDENTIAL_GROUP = "to_dan_pho", _("residential group (tổ dân phố)")

    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="villages")
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.VILLAGE)

    scope_commune_path = "commune"  # places/scopes.py
    _commune_read: str | None  # the commune it was read or last saved in: see save()
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    # What the API's `updated_since` reads (bulk writes set it themselves: teams/roster_kinds/writer.py).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta(NamedUnit.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        constraints = [
            models.UniqueConstraint(fields=["commune", "name_key"], name="village_unique_name_in_commune"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        before = self._commune_before_save()
        super().save(*args, **kwargs)
        self._commune_read = self.commune_id
        if before != self.commune_id:
            villages_moved.send(sender=Village, commune_ids={self.commune_id, before} - {None})

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        commune_id = self.commune_id
        deleted = super().delete(*args, **kwargs)
        villages_moved.send(sender=Village, commune_ids={commune_id})
        return deleted

    @classmethod
    def from_db(
        cls,
        db: str | None,
        field_names: Collection[str],
        values: Collection[Any],
        *,
        fetch_mode: FetchMode | None = None,
    ) -> Self:
        village = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        if "commune_id" in village.__dict__:
            # The commune it was read in: save() compares with it instead of reading the row again.
            village._commune_read = village.commune_id
        return village

    def _commune_before_save(self) -> str | None:
        """The commune the row has now: None for a new village; read from the database only for
        a village built by hand around an existing id (never for one loaded, then saved)."""
        if hasattr(self, "_commune_read"):
            return self._commune_read
        if self.pk is None:
            return None  # type: ignore[unreachable]  # django-stubs types pk as int: it is None until saved
        return Village.objects.filter(pk=self.pk).values_list("commune_id", flat=True).first()


class MapLoad(models.Model):
    """When the official map was last loaded, from which data, and what changed."""

    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)
    source = models.CharField(_("source"), max_length=80)
    data_version = models.CharField(_("data version"), max_length=40)
    provinces = models.PositiveIntegerField(_("provinces"))
    communes = models.PositiveIntegerField(_("communes"))
    created = models.PositiveIntegerField(_("units created"))
    updated = models.PositiveIntegerField(_("units updated"))

    class Meta:
        verbose_name = _("map load")
        verbose_name_plural = _("map loads")
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"

    def __str__(self) -> str:
        return f"{self.source} {self.data_version}"


class Tombstone(models.Model):
    """A row deleted from a table that provinces pull by increments through the API.

    A province that copied the rows once asks what changed since its last pull; an updated row
    says so by its `updated_at`, a deleted one only by this mark. Written by places/tombstones.py
    for the models their owning apps register, with the unit the row sat in so a token sees only
    its own scope's deletions; nothing else of the row is kept (no personal data).
    """

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.BigIntegerField(_("id"))
    province = models.ForeignKey(
        Province,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("commune")
    )
    deleted_at = models.DateTimeField(_("deleted at"), default=timezone.now)

    scope_commune_path = "commune"  # places/scopes.py
    scope_province_paths = ["province"]

    class Meta:
        verbose_name = _("deleted row")
        verbose_name_plural = _("deleted rows")
        indexes = [models.Index(fields=["kind", "deleted_at"], name="tombstone_by_kind_and_time")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
