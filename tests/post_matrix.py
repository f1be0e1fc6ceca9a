"""The POST matrix's parts (tests/test_post_matrix.py): finding every POST endpoint of our apps
in the admin and the team area from the URL configuration, and a recipe per endpoint saying how
to aim it at Tả Van (Lào Cai) while signed in as the Bát Tràng commune officer."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import models
from django.forms.models import model_to_dict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.viewsets import viewsets

from accounts.models import AccessLogEntry, User
from places.models import Commune, Province
from privacy.models import RequestAction, RightsRequest
from rosters.models import RosterImport
from tests.factories_rosters import roster_xlsx

OURS = (
    "accounts",
    "messaging",
    "places",
    "rosters",
    "teams",
    "trainings",
    "households",
    "reporting",
    "privacy",
)
# Apps whose every row is compared before and after: everything about people and units.
SNAPSHOT_APPS = (
    "accounts",
    "messaging",
    "places",
    "teams",
    "trainings",
    "households",
    "privacy",
    "rosters",
    "reporting",
)


# FINDING THE ENDPOINTS


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner or None)
        elif isinstance(pattern, URLPattern):
            name = ":".join(filter(None, [namespace, pattern.name]))
            yield prefix + str(pattern.pattern), name, pattern.callback


def _accepts_post(view):
    """A class-based view with a `post`; a function view unless require_GET/require_safe or
    require_http_methods without POST wraps it."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post") and "post" in view_class.http_method_names
    function = view
    while function is not None:
        for cell in function.__closure__ or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if isinstance(value, (list, tuple)) and value and all(m in _METHODS for m in value):
                return "POST" in value
        function = getattr(function, "__wrapped__", None)
    return True


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def our_viewsets():
    reverse("wagtailadmin_home")  # the admin's URLs, hence its viewsets, are loaded
    return {
        viewset.url_namespace: viewset
        for viewset in viewsets.viewsets
        if type(viewset).__module__.split(".")[0] in OURS and getattr(viewset, "model", None)
    }


def post_endpoints():
    """(route, url name) of every POST-accepting endpoint of our apps in the admin and team area."""
    namespaces = our_viewsets()
    found = []
    for route, name, view in _walk(get_resolver().url_patterns):
        in_area = route.startswith("admin/") or route.split("/", 1)[-1].startswith("team/")
        namespace = name.split(":")[0] if ":" in name else None
        ours = getattr(view, "__module__", "").split(".")[0] in OURS or namespace in namespaces
        if in_area and ours and _accepts_post(view):
            found.append((route, name))
    return found


# RECIPES


@dataclass
class Recipe:
    """How to aim an endpoint elsewhere. `out(land)`: (url args, data) posts at Tả Van's objects,
    people and phones; `inside(land)`: one at her own, which must not be refused (None: not hers
    to do at all, then it is tried as a refused post too). `may_write`: models a refused post
    still writes by design (an upload's job row, a request recorded then forwarded)."""

    out: object
    inside: object = None
    may_write: tuple = field(default_factory=tuple)
    method_inside: str = "post"


def _value(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return [_value(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def values_of(instance):
    """What a browser would post to recreate `instance`: ids for relations, text for the rest."""
    data = {}
    for name, value in model_to_dict(instance).items():
        value = _value(value)
        if value is not None and value != []:
            data[name] = value
    return data


def target(land, model, key):
    """`model`'s object in commune `key` of the land, or for rows off the map, the one made below."""
    for value in land[key].values():
        if isinstance(value, model):
            return value
    if model is User:
        return land[key]["role"].user
    return land["catalogue"].get((model, key))


def on_the_map(model):
    """Units and people: what a relation must not be pointed at from outside. (Catalogues such
    as courses and services are shared; accounts/tests/test_scope_forms.py holds the province ones.)"""
    return model in (Province, Commune, User) or hasattr(model, "scope_commune_path")


def relations(model):
    return [
        f
        for f in model._meta.get_fields()
        if (f.many_to_one or f.many_to_many) and f.concrete and on_the_map(f.related_model)
    ]


def aimed_elsewhere(land, mine, theirs, fields):
    """Her object's values with one relation at a time pointed at Tả Van (its object's value, or
    Tả Van's row of that model when its object has none: a person for an empty account field),
    and the guard that says it did not stick: (her object, the relation, Tả Van's value). Only
    the relations among the form's `fields`."""
    if mine is None:
        return []
    own, other = values_of(mine), values_of(theirs)
    aimed = []
    for relation in relations(type(mine)):
        if relation.name not in fields:
            continue  # not posted by the form (an author set by the view)
        value = other.get(relation.name)
        if value is None:
            row = target(land, relation.related_model, "c")
            value = None if row is None else ([row.pk] if relation.many_to_many else row.pk)
        if value is not None and value != own.get(relation.name):
            aimed.append(({**own, relation.name: value}, (mine, relation.name, value)))
    return aimed


# Which permission each viewset screen needs; the officer's own actions on it are its `officer_actions`.
PERMISSION = {"add": "add", "edit": "change", "delete": "delete", "copy": "add"}


def viewset_recipe(namespace, action):
    viewset = our_viewsets()[namespace]
    model = viewset.model
    hers = PERMISSION[action] in (getattr(viewset, "officer_actions", None) or ())
    fields = set(viewset.get_form_class().base_fields) if action in ("add", "edit") else set()

    def out(land):
        theirs, mine = target(land, model, "c"), target(land, model, "a")
        if action == "add":
            posts = [([], values_of(theirs))] + [
                ([], data) for data, _guard in aimed_elsewhere(land, mine, theirs, fields)
            ]
            if not hers and mine is not None:
                posts.append(([], values_of(mine)))  # not hers to do, even at home
            return posts
        posts = [([theirs.pk], values_of(theirs))]
        if action == "edit" and mine is not None:
            posts += [([mine.pk], data, guard) for data, guard in aimed_elsewhere(land, mine, theirs, fields)]
        if not hers and mine is not None:
            posts.append(([mine.pk], values_of(mine)))  # not hers to do, even at home
        return posts

    def inside(land):
        mine = target(land, model, "a")
        return ([] if action == "add" else [mine.pk]), values_of(mine)

    # Deleting her own row is hers; the matrix only checks the page opens for it.
    method = "get" if action == "delete" else "post"
    return Recipe(out, inside if hers else None, method_inside=method)


def _job(land, key):
    return land["jobs"][key]


def _roster_upload(commune_name):
    rows = [["Người Thử", "0903 111 222", "Thành viên", "", "Thôn Thử", commune_name]]
    return {"file": ContentFile(roster_xlsx(rows), name="roster.xlsx"), "kind": "roster"}


def _phone_request(land, key, **extra):
    return {
        "kind": "deletion",
        "channel": "in_person",
        "received_at": "2026-11-20 09:00",
        "full_name": "Người Thử",
        "phone": land[key]["member"].phone,
        "commune": land["a"]["commune"].pk,  # her own commune, named on the form
        **extra,
    }


def _today():
    return timezone.localdate().isoformat()


RECIPES = {
    "invite_by_sms": Recipe(
        out=lambda land: [
            (
                [],
                {
                    "full_name": "Ai Đó",
                    "phone": "0903 111 333",
                    "role": "team_member",
                    "commune": land["c"]["commune"].pk,
                    "language": "vi",
                },
            ),
        ],
        inside=lambda land: (
            [],
            {
                "full_name": "Ai Đó",
                "phone": "0903 111 333",
                "role": "team_member",
                "commune": land["a"]["commune"].pk,
                "language": "vi",
            },
        ),
    ),
    "rosters:index": Recipe(
        out=lambda land: [([], _roster_upload(land["c"]["commune"].name))],
        inside=lambda land: ([], _roster_upload(land["a"]["commune"].name)),
        may_write=(RosterImport,),
    ),
    **{
        f"rosters:{name}": Recipe(
            out=lambda land: [([_job(land, "c").pk], {})], inside=lambda land: ([_job(land, "a").pk], {})
        )
        for name in ("detail", "progress", "confirm", "cancel", "file", "errors", "columns")
    },
    # No id: the template is the same for everyone, the export holds her units only (below).
    "rosters:template": Recipe(out=lambda land: [(["roster"], {})], inside=lambda land: (["roster"], {})),
    "rosters:export": Recipe(
        out=lambda land: [(["members", "csv"], {})],
        inside=lambda land: (["members", "csv"], {}),
        may_write=(AccessLogEntry,),
    ),
    "training_attendance_sheet": Recipe(
        out=lambda land: [([land["c"]["session"].pk, "csv"], {})],
        inside=lambda land: ([land["a"]["session"].pk, "csv"], {}),
        may_write=(AccessLogEntry,),
    ),
    "privacy_request_act": Recipe(
        out=lambda land: [([land["c"]["rights_request"].pk], {"action": "acknowledged"})],
        inside=lambda land: ([land["a"]["rights_request"].pk], {"action": "note", "note": "x"}),
    ),
    "privacy_request_erase": Recipe(
        out=lambda land: [([land["c"]["rights_request"].pk], {"confirm": "1"})],
        inside=lambda land: ([land["a"]["rights_request"].pk], {}),
        method_inside="get",
    ),
    "privacy_record_request": Recipe(
        out=lambda land: [([], _phone_request(land, "c"))],
        inside=lambda land: ([], _phone_request(land, "a")),
        # Recorded, and forwarded to Tả Van's level: she cannot open it (checked below).
        may_write=(RightsRequest, RequestAction),
    ),
    "privacy_record_consent": Recipe(
        out=lambda land: [
            ([], {"phone": land["c"][kind].phone, "choice": choice, "method": "paper", "given_on": _today()})
            for kind in ("member", "registration")
            for choice in ("opt_out", "withdraw:reminder")
        ],
        inside=lambda land: (
            [],
            {
                "phone": land["a"]["member"].phone,
                "choice": "opt_out",
                "method": "paper",
                "given_on": _today(),
            },
        ),
    ),
    # The team area: she leads no team, so logging is not hers; correcting her commune's log is.
    "teams:home": Recipe(out=lambda land: [([], {"team": land["c"]["team"].pk})]),
    "teams:log_session": Recipe(
        out=lambda land: [
            ([], {"held_on": _today(), "village": land["c"]["village"].pk, "citizens_helped": 2000})
        ]
    ),
    # She leads no team: the team area's import is refused, and other people's jobs answer 404.
    "teams:log_import": Recipe(out=lambda land: [([], _roster_upload(land["c"]["commune"].name))]),
    "teams:log_import_confirm": Recipe(
        out=lambda land: [([_job(land, "c").pk], {}), ([_job(land, "a").pk], {})]
    ),
    "teams:log_month": Recipe(
        out=lambda land: [
            (
                [],
                {
                    "form-TOTAL_FORMS": 1,
                    "form-INITIAL_FORMS": 0,
                    "form-0-held_on": _today(),
                    "form-0-village": land["c"]["village"].pk,
                    "form-0-citizens_helped": 2000,
                },
            )
        ]
    ),
    "teams:correct_log": Recipe(
        out=lambda land: [
            ([land["c"]["log"].pk], {"held_on": _today(), "citizens_helped": 2000}),
            (
                [land["a"]["log"].pk],
                {"held_on": _today(), "village": land["c"]["village"].pk, "citizens_helped": 2000},
            ),
        ],
        inside=lambda land: ([land["a"]["log"].pk], {"held_on": _today(), "citizens_helped": 11}),
    ),
    # Targets: her commune's team is hers to aim; another province's team, and any province's
    # defaults (a commune officer sets none), are not.
    "teams:targets": Recipe(
        out=lambda land: [([land["c"]["team"].pk], {"citizens": 50, "vneid": 10})],
        inside=lambda land: ([land["a"]["team"].pk], {"citizens": 50}),
    ),
    "teams:province_targets": Recipe(
        out=lambda land: [
            ([land["c"]["province"].pk], {"citizens": 50}),
            ([land["a"]["province"].pk], {"citizens": 50}),
        ],
    ),
    "trainings:manage_list": Recipe(
        out=lambda land: [([], {"commune": land["c"]["commune"].pk})], inside=lambda land: ([], {})
    ),
    "trainings:create": Recipe(
        out=lambda land: [([], values_of(land["c"]["session"]))],
        inside=lambda land: ([], values_of(land["a"]["session"])),
    ),
    "trainings:manage": Recipe(
        out=lambda land: [
            ([land["c"]["session"].pk], {"members": [land["c"]["member"].pk], "confirm": "1"}),
            ([land["a"]["session"].pk], {"members": [land["c"]["member"].pk], "confirm": "1"}),
            ([land["a"]["session"].pk], {"team": land["c"]["team"].pk, "confirm": "1"}),
        ],
        inside=lambda land: ([land["a"]["session"].pk], {"members": [land["a"]["member"].pk]}),
    ),
    "trainings:edit": Recipe(
        out=lambda land: [
            ([land["c"]["session"].pk], values_of(land["c"]["session"])),
            (
                [land["a"]["session"].pk],
                {**values_of(land["a"]["session"]), "commune": land["c"]["commune"].pk},
            ),
            (
                [land["a"]["session"].pk],
                {**values_of(land["a"]["session"]), "village": land["c"]["village"].pk},
            ),
        ],
        inside=lambda land: ([land["a"]["session"].pk], values_of(land["a"]["session"])),
    ),
    "trainings:cancel": Recipe(
        out=lambda land: [([land["c"]["session"].pk], {})],
        inside=lambda land: ([land["a"]["session"].pk], {}),
        method_inside="get",
    ),
    "trainings:attendance": Recipe(
        out=lambda land: [
            ([land["c"]["session"].pk], {"came": [land["c"]["registration"].pk]}),
            ([land["a"]["session"].pk], {"came": [land["c"]["registration"].pk]}),
        ],
        inside=lambda land: ([land["a"]["session"].pk], {}),
        method_inside="get",
    ),
    "trainings:withdraw": Recipe(
        out=lambda land: [
            ([land["c"]["session"].pk, land["c"]["registration"].pk], {}),
            ([land["a"]["session"].pk, land["c"]["registration"].pk], {}),
        ],
        inside=lambda land: ([land["a"]["session"].pk, land["a"]["registration"].pk], {}),
    ),
    # The household register: she keeps Bát Tràng's, never Tả Van's (nor sends its team's member).
    "households:add": Recipe(
        out=lambda land: [([land["c"]["village"].pk], {"head_name": "Hộ Thử"})],
        inside=lambda land: ([land["a"]["village"].pk], {"head_name": "Hộ Thử"}),
    ),
    "households:edit": Recipe(
        out=lambda land: [([land["c"]["household"].pk], {"head_name": "Hộ Thử"})],
        inside=lambda land: ([land["a"]["household"].pk], {"head_name": "Hộ Thử"}),
    ),
    "households:add_person": Recipe(
        out=lambda land: [([land["c"]["household"].pk], {"full_name": "Người Thử"})],
        inside=lambda land: ([land["a"]["household"].pk], {"full_name": "Người Thử"}),
    ),
    "households:edit_person": Recipe(
        out=lambda land: [([land["c"]["household_person"].pk], {"full_name": "Người Thử"})],
        inside=lambda land: ([land["a"]["household_person"].pk], {"full_name": "Người Thử"}),
    ),
    "households:remove_person": Recipe(
        out=lambda land: [([land["c"]["household_person"].pk], {})],
        inside=lambda land: ([land["a"]["household_person"].pk], {}),
    ),
    "households:add_follow_up": Recipe(
        out=lambda land: [
            (
                [land[key]["household"].pk],
                {"due_on": _later(), "note": "Quay lại", "assigned_to": land["c"]["member"].pk},
            )
            for key in ("c", "a")
        ],
        inside=lambda land: (
            [land["a"]["household"].pk],
            {"due_on": _later(), "note": "Quay lại", "assigned_to": land["a"]["member"].pk},
        ),
    ),
    "households:check": Recipe(
        out=lambda land: [
            ([land["c"]["household_person"].pk], {"checked_on": _today(), "group_payments": ["pay_by_qr"]}),
            (
                [land["a"]["household_person"].pk],
                {
                    "checked_on": _today(),
                    "group_payments": ["pay_by_qr"],
                    "come_back_on": _later(),
                    "come_back_for": "Quay lại",
                    "assigned_to": land["c"]["member"].pk,
                },
            ),
        ],
        inside=lambda land: (
            [land["a"]["household_person"].pk],
            {"checked_on": _today(), "group_payments": ["pay_by_qr"]},
        ),
    ),
    "households:follow_up_done": Recipe(
        out=lambda land: [([land["c"]["follow_up"].pk], {})],
        inside=lambda land: ([land["a"]["follow_up"].pk], {}),
    ),
}


def _later():
    return (timezone.localdate() + datetime.timedelta(days=14)).isoformat()


def recipe_for(name):
    if name in RECIPES:
        return RECIPES[name]
    namespace, _, action = name.partition(":")
    if namespace in our_viewsets() and action in ("add", "edit", "delete", "copy"):
        return viewset_recipe(namespace, action)
    return None
