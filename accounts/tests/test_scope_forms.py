"""Scope holds in the admin's forms, filters and per-object pages, not only in its lists.

Officers × units × actions: every choice in a create or edit form offers only the officer's
units and people; an id of another unit posted anyway is refused with a message in Vietnamese
and nothing is written; every page the admin has for one object (edit, delete, history, usage,
inspect…) is closed on another unit's object, whichever viewset serves it.
"""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.forms import modelform_factory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets import viewsets

from accounts.admin_scoping import ScopedModelViewSet
from accounts.models import RoleAssignment
from accounts.scoped_forms import ScopedAdminForm
from teams.models import AssistanceLog, Member, Service, Team
from tests.factories import VillageFactory
from tests.factories_teams import TeamFactory, leader_of
from tests.pages import posted, says, sent_to_admin_home
from tests.world import SCOPE_OF
from tests.world.scope import officer
from trainings.models import TrainingSession

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "scope_land_made_once")]

REFUSED = "Lựa chọn này nằm ngoài địa bàn bạn quản lý."
REFUSED_PLACE = "Địa điểm này nằm ngoài địa bàn bạn quản lý."  # sessions say which choice


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# WHAT THE FORMS OFFER

# (add form, what it lists for each unit)
OFFERED = [
    ("teams/teams/new/", lambda unit: [unit["village"].name, unit["commune"].name]),
    ("teams/members/new/", lambda unit: [unit["team"].name, unit["role"].user.full_name]),
    ("trainings/sessions/new/", lambda unit: [unit["commune"].name, unit["village"].name]),
    ("roles/new/", lambda unit: [unit["commune"].name, unit["role"].user.full_name]),
    ("teams/teams/", lambda unit: [unit["commune"].name]),  # the listing's filter
]


@pytest.mark.parametrize("kind", SCOPE_OF)
@pytest.mark.parametrize(("url", "names_of"), OFFERED, ids=[url for url, _ in OFFERED])
def test_every_choice_lists_only_the_officers_units_and_people(
    client, scope_land, world, kind, url, names_of
):
    client.force_login(officer(kind, world))
    page = page_of(client, f"/admin/{url}")
    for key, unit in scope_land.items():
        for name in names_of(unit):
            assert (name in page) == (key in SCOPE_OF[kind]), (kind, url, name)


# OUT-OF-SCOPE IDS POSTED ANYWAY


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Team, Member, AssistanceLog, TrainingSession, RoleAssignment)
    }


def _edit_form(client, land, what):
    """The officer's own (Bát Tràng) object's edit form, as the page gave it."""
    obj = land["a"][what]
    url = {
        "team": "teams/teams",
        "member": "teams/members",
        "log": "teams/logs",
        "session": "trainings/sessions",
    }
    return client.get(f"/admin/{url[what]}/edit/{obj.pk}/").context["form"]


# (name, template object, URL posted to, {field: unit part whose id is posted}, other changes)
CASES = [
    (
        "team in another unit",
        "team",
        "teams/teams/new/",
        {"village": "spare_village", "commune": "commune"},
        {"name": "Tổ mới", "decision_number": "99/QĐ-UBND"},
    ),
    (
        "team by commune only",
        "team",
        "teams/teams/new/",
        {"village": None, "commune": "commune"},
        {"name": "Tổ mới", "decision_number": "99/QĐ-UBND"},
    ),
    (
        "member of another unit's team",
        "member",
        "teams/members/new/",
        {"team": "team"},
        {"full_name": "Người mới", "phone": "0912000111"},
    ),
    (
        "member linked to another unit's person",
        "member",
        "teams/members/new/",
        {"user": "role.user"},
        {"full_name": "Người mới", "phone": "0912000111"},
    ),
    ("member moved to another unit's team", "member", "teams/members/edit/{pk}/", {"team": "team"}, {}),
    ("log moved to another unit's village", "log", "teams/logs/edit/{pk}/", {"village": "village"}, {}),
    (
        "session in another unit",
        "session",
        "trainings/sessions/new/",
        {"commune": "commune", "village": None},
        {},
    ),
    (
        "session moved to another unit",
        "session",
        "trainings/sessions/edit/{pk}/",
        {"commune": "commune", "village": None},
        {},
    ),
]


def _part(unit, path):
    value = unit
    for step in path.split("."):
        value = value[step] if isinstance(value, dict) else getattr(value, step)
    return value.pk


@pytest.mark.parametrize("kind", ["province", "commune"])
@pytest.mark.parametrize(("case", "what", "url", "ids", "changes"), CASES, ids=[case[0] for case in CASES])
def test_another_units_id_posted_anyway_is_refused_and_nothing_is_written(
    client, scope_land, world, kind, case, what, url, ids, changes
):
    client.force_login(officer(kind, world))
    form = _edit_form(client, scope_land, what)
    url = "/admin/" + url.format(pk=scope_land["a"][what].pk)
    before, saved = _counts(), type(scope_land["a"][what]).objects.values().get(pk=scope_land["a"][what].pk)

    def post(unit):
        ids_posted = {field: _part(unit, path) if path else None for field, path in ids.items()}
        return client.post(url, posted(form, **changes, **ids_posted))

    response = post(scope_land["c"])  # Tả Van, Lào Cai: outside both officers' scope
    assert response.status_code == 200
    assert REFUSED in response.content.decode() or REFUSED_PLACE in response.content.decode()
    assert _counts() == before
    assert type(scope_land["a"][what]).objects.values().get(pk=scope_land["a"][what].pk) == saved
    # The same form with the officer's own unit goes through: only the unit was wrong.
    assert post(scope_land["a"]).status_code == 302


def test_an_object_landing_outside_the_scope_is_refused_whatever_its_fields(scope_land, world):
    """A form that does not show the unit (here only the name) still may not save an object whose
    unit, set elsewhere, is another commune's: the form checks where the object ends up."""
    form_class = modelform_factory(Team, form=ScopedAdminForm, fields=["name", "decision_number"])
    user = officer("commune", world)
    for key, valid in (("c", False), ("a", True)):
        form = form_class(
            {"name": f"Tổ xã {key}", "decision_number": f"5{key}/QĐ"},
            instance=Team(commune=scope_land[key]["commune"]),
            for_user=user,
        )
        assert form.is_valid() == valid, key
        assert (REFUSED in form.non_field_errors()) != valid, key


def test_a_province_officer_moving_a_log_to_another_communes_village_is_told_why(client, scope_land, world):
    client.force_login(officer("province", world))
    log = scope_land["a"]["log"]
    form = _edit_form(client, scope_land, "log")
    response = client.post(
        f"/admin/teams/logs/edit/{log.pk}/", posted(form, village=scope_land["b"]["village"].pk)
    )
    assert "Thôn này không thuộc xã của nhật ký." in response.content.decode()
    log.refresh_from_db()
    assert log.village == scope_land["a"]["village"]


def test_a_province_officer_adds_services_of_their_province_only(client, scope_land, world):
    client.force_login(officer("province", world))
    form = {
        "code": "postmart",
        "name_vi": "Postmart",
        "name_en": "Postmart",
        "sort_order": "1",
        "is_active": "on",
    }
    for province in (scope_land["c"]["province"].pk, ""):  # Lào Cai's, or a national one
        response = client.post("/admin/teams/services/new/", {**form, "province": province})
        assert REFUSED in response.content.decode()
    assert not Service.objects.filter(code="postmart").exists()
    response = client.post("/admin/teams/services/new/", {**form, "province": scope_land["a"]["province"].pk})
    assert response.status_code == 302
    assert Service.objects.get(code="postmart").province == scope_land["a"]["province"]


def test_a_commune_officer_adds_no_services(client, scope_land, world):
    client.force_login(officer("commune", world))
    response = client.get("/admin/teams/services/new/", follow=True)
    assert "Postmart" not in response.content.decode()
    response = client.post("/admin/teams/services/new/", {"code": "x", "name_vi": "X", "name_en": "X"})
    assert sent_to_admin_home(response)
    assert not Service.objects.filter(code="x").exists()


# PAGES OF ONE OBJECT


def _scoped_viewsets():
    reverse("wagtailadmin_home")  # the admin's URLs, hence its viewsets, are loaded
    return [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(viewset, ScopedModelViewSet) and hasattr(viewset.model, "scope_commune_path")
    ]


def _object_of(unit, model):
    return next(value for value in unit.values() if isinstance(value, model))


@pytest.mark.parametrize("kind", ["province", "commune"])
def test_every_page_of_another_units_object_is_closed(client, scope_land, world, kind):
    """Edit, delete, history, usage, inspect… of every scoped viewset, found from its own URL list,
    so a page Wagtail adds later is checked too."""
    client.force_login(officer(kind, world))
    checked = set()
    for viewset in _scoped_viewsets():
        outside, inside = (
            _object_of(scope_land["c"], viewset.model),
            _object_of(scope_land["a"], viewset.model),
        )
        for pattern in viewset.get_urlpatterns():
            if "<int:pk>" not in str(pattern.pattern):
                continue
            name = viewset.get_url_name(pattern.name)
            response = client.get(reverse(name, args=[outside.pk]), follow=True)
            # Not found, or refused with a message on the admin's home page.
            assert response.status_code == 404 or response.redirect_chain[-1:] == [("/admin/", 302)], name
            assert str(outside) not in response.content.decode(), name
            checked.add(pattern.name)
            if pattern.name in ("history", "usage") and "change" in (viewset.officer_actions or ["change"]):
                assert client.get(reverse(name, args=[inside.pk])).status_code == 200, name
        client.post(reverse(viewset.get_url_name("delete"), args=[outside.pk]))
        assert viewset.model.objects.filter(pk=outside.pk).exists()
    assert {"edit", "delete", "history", "history_results", "usage", "inspect"} <= checked


def test_officers_cannot_open_people_in_the_users_screens(client, scope_land, world):
    client.force_login(officer("province", world))
    other = scope_land["c"]["role"].user
    for view in ("history", "usage", "edit", "delete"):
        response = client.get(f"/admin/users/{view}/{other.pk}/", follow=True)
        assert other.full_name not in response.content.decode(), view


def test_choices_cost_the_same_queries_for_many_teams_and_people(client, scope_land, world):
    client.force_login(officer("commune", world))
    client.get("/admin/teams/members/new/")  # warm the session and permission caches
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/teams/members/new/")
    for n in range(20):
        village = VillageFactory(commune=scope_land["a"]["commune"], name=f"Thôn thêm {n}")
        leader_of(TeamFactory(village=village, name=f"Tổ thêm {n}"))
    with CaptureQueriesContext(connection) as many:
        page = client.get("/admin/teams/members/new/").content.decode()
    assert says(page, "Tổ thêm 19")
    assert len(many) == len(few)


def test_a_scoped_viewset_refuses_a_form_that_does_not_narrow_its_choices():
    """A screen on the map cannot be given a plain form by mistake: it fails at start-up."""

    class LooseTeams(ScopedModelViewSet):
        model = Team
        form_fields = ["name", "commune"]
        base_form_class = WagtailAdminModelForm

    with pytest.raises(ImproperlyConfigured):
        LooseTeams("loose_teams").get_form_class()
