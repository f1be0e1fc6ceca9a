"""Marks left by deleted rows, so a province pulling increments through the API learns of them.

The owning app registers its model in its `ready()` (teams: teams, members, logs; reporting:
monthly reports; places: villages), naming the kind the API shows; places only listens. The mark
is written on pre_delete, while the row's place on the map can still be read through its
`scope_commune_path` (a member's team is deleted after its members), and it rolls back with the
delete if the delete fails.
"""

from typing import Any

from django.db import models
from django.db.models.signals import pre_delete

from places.models import Commune, Tombstone

KINDS: dict[type[models.Model], str] = {}  # model: kind


def keep_tombstones(model: type[models.Model], kind: str) -> None:
    KINDS[model] = kind
    pre_delete.connect(_bury, sender=model, dispatch_uid=f"places.tombstone.{kind}")


def _bury(sender: Any, instance: models.Model, **kwargs: Any) -> None:
    # sender: a model registered above; Any because its scope_commune_path is not on models.Model.
    commune_id = _commune_id(instance, sender.scope_commune_path)
    province_id = getattr(instance, "province_id", None)
    if province_id is None and commune_id is not None:
        province_id = Commune.objects.filter(pk=commune_id).values_list("province_id", flat=True).first()
    Tombstone.objects.create(
        kind=KINDS[sender], object_id=instance.pk, province_id=province_id, commune_id=commune_id
    )


def _commune_id(instance: models.Model | None, path: str) -> str | None:
    """Follow `path` ("team__commune") from `instance`: the commune's code, or None."""
    *steps, last = path.split("__")
    for step in steps:
        instance = getattr(instance, step, None)
        if instance is None:
            return None
    return getattr(instance, f"{last}_id", None)
