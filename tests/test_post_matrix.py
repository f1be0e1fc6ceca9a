"""Every admin and team-area endpoint that accepts a POST, found from the URL configuration, tried
by the Bát Tràng commune officer with ids, people and phones of Tả Van (Lào Cai), one field at a
time inside her own forms too: nothing is written anywhere, and her own objects are not refused.

A new endpoint joins by itself: `test_every_post_endpoint_has_a_recipe` fails on any POST-accepting
endpoint of our apps without a recipe in tests/post_matrix.py. Screens of a viewset get the generic
recipe (their model's Tả Van object, and her own object with each relation pointed at Tả Van);
function views need one written there.
"""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from privacy.models import Breach
from rosters.models import RosterImport
from teams.models import OutcomeType, Service
from tests.post_matrix import SNAPSHOT_APPS, post_endpoints, recipe_for
from tests.world.scope import officer
from trainings.models import Course

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "scope_land_made_once")]

REFUSED_WORDS = ("Lựa chọn này nằm ngoài địa bàn bạn quản lý.", "Địa điểm này nằm ngoài địa bàn bạn quản lý.")

ENDPOINTS = post_endpoints()


def test_every_post_endpoint_has_a_recipe():
    missing = [f"/{route} ({name})" for route, name in ENDPOINTS if recipe_for(name) is None]
    assert not missing, "POST endpoints the matrix cannot try yet; add a recipe: " + ", ".join(missing)
    assert len(ENDPOINTS) > 50  # the walk found the admin and the team area


# THE MATRIX


@pytest.fixture
def land(scope_land, world):
    land = scope_land
    lao_cai = officer("national", world)  # stands for whoever made Tả Van's rows
    land["catalogue"] = {
        (Service, "c"): Service.objects.create(
            code="laocai-only",
            name_vi="Dịch vụ Lào Cai",
            name_en="Lao Cai service",
            province=land["c"]["province"],
        ),
        (Service, "a"): Service.objects.create(
            code="hanoi-only",
            name_vi="Dịch vụ Hà Nội",
            name_en="Ha Noi service",
            province=land["a"]["province"],
        ),
        (OutcomeType, "c"): OutcomeType.objects.first(),
        (Course, "c"): Course.objects.first(),
        (Breach, "c"): Breach.objects.create(
            what="Lộ danh sách",
            discovered_at=timezone.now(),
            people_affected=3,
            scope="Tả Van",
            measures="Thu hồi",
        ),
        (AccessLogEntry, "c"): AccessLogEntry.objects.create(
            user=lao_cai, what="members", scope="92", rows=3
        ),
    }
    return land


def snapshot(skip=()):
    """Every row of every table about people and units, as values."""
    rows = {}
    for app in SNAPSHOT_APPS:
        for model in apps.get_app_config(app).get_models():
            if model not in skip:
                rows[model._meta.label] = list(model._default_manager.order_by("pk").values())
    return rows


def changed(before, after, hers=()):
    """The rows that differ, by table, leaving out `hers` ((label, pk) of her own objects that
    a post may save unchanged; their guards check them)."""
    differ = {}
    for label in before:
        rows = [row for row in after[label] if row not in before[label]]
        rows += [("gone", row["id"]) for row in before[label] if row not in after[label]]
        rows = [row for row in rows if (label, row[1] if isinstance(row, tuple) else row["id"]) not in hers]
        if rows:
            differ[label] = rows
    return differ


def held(guard):
    """Her object did not take Tả Van's value for the relation."""
    instance, name, value = guard
    fresh = type(instance)._default_manager.get(pk=instance.pk)
    current = getattr(fresh, name)
    if hasattr(current, "all"):
        return not set(current.values_list("pk", flat=True)) & set(
            value if isinstance(value, list) else [value]
        )
    return getattr(current, "pk", current) != value


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302 and response["Location"].rstrip("/") in ("/admin", "/vi/admin"):
        return True  # Wagtail's "permission denied", on the admin's home page
    body = (
        response.content.decode(errors="replace")
        if response.get("Content-Type", "").startswith("text/")
        else ""
    )
    return any(words in body for words in REFUSED_WORDS)


@pytest.mark.parametrize(("route", "name"), ENDPOINTS, ids=[name for _route, name in ENDPOINTS])
def test_a_commune_officer_aims_it_elsewhere_and_nothing_is_written(
    client, land, world, route, name, settings
):
    recipe = recipe_for(name)
    her = officer("commune", world)
    land["jobs"] = {
        key: RosterImport.objects.create(
            kind="roster",
            original_name=f"{key}.xlsx",
            created_by=by,
            file=ContentFile(b"x", name=f"{key}.xlsx"),
            errors_file=ContentFile(b"x", name=f"{key}-errors.xlsx"),
        )
        for key, by in (("a", her), ("c", land["catalogue"][(AccessLogEntry, "c")].user))
    }
    client.force_login(her)
    secrets = [land["c"]["member"].full_name, land["c"]["registration"].full_name]
    posts = recipe.out(land)
    before = snapshot(skip=recipe.may_write)
    hers = set()
    for args, data, *guard in posts:
        response = client.post(reverse(name, args=args), data)
        if guard:
            assert held(guard[0]), f"{name} {args}: {guard[0][1]} now points at Tả Van"
            hers.add((guard[0][0]._meta.label, guard[0][0].pk))
        if response.get("Content-Type", "").startswith(("text/", "application/json")):
            body = response.content.decode(errors="replace")
            for secret in secrets:
                assert secret in str(data) or secret not in body, f"{name} {args} shows {secret}"
    assert changed(before, snapshot(skip=recipe.may_write), hers) == {}, name
    if name == "privacy_record_request":  # forwarded: she cannot open what was recorded
        assert (
            not client.get(reverse("data_requests:index")).content.decode().count(land["c"]["member"].phone)
        )
    if recipe.inside is not None:
        args, data = recipe.inside(land)
        call = client.get if recipe.method_inside == "get" else client.post
        response = call(reverse(name, args=args), data)
        assert not refused(response), f"{name}: her own object was refused ({response.status_code})"
