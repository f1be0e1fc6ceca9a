"""Officers in the Wagtail admin see and touch their own world' rows only, however they ask."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role, RoleAssignment
from messaging.models import Message, Purpose
from messaging.outbox import queue_sms
from tests.factories import RoleAssignmentFactory
from tests.pages import sent_to_admin_home

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "world_made_once")]


@pytest.fixture
def texts(world):
    return {
        code: queue_sms(
            f"+8491234500{n}",
            f"Thông báo {code}",
            purpose=Purpose.NOTICE,
            idempotency_key=f"notice-{code}",
            commune=world[code],
        )
        for n, code in enumerate(["a", "b", "c"])
    }


def sign_in(client, role, **unit):
    user = RoleAssignmentFactory(role=role, **unit).user
    client.force_login(user)
    return user


OFFICERS = {
    "national": (Role.NATIONAL_ADMIN, None, {"a", "b", "c"}),
    "north province": (Role.PROVINCE_OFFICER, "north", {"a", "b"}),
    "commune a": (Role.COMMUNE_OFFICER, "a", {"a"}),
}


@pytest.mark.parametrize("who", OFFICERS)
def test_the_outbox_lists_only_messages_of_the_officers_world(client, world, texts, who):
    role, unit, expected = OFFICERS[who]
    kind = "province" if role == Role.PROVINCE_OFFICER else "commune"
    sign_in(client, role, **({kind: world[unit]} if unit else {}))
    response = client.get(reverse("outbox:index"))
    assert response.status_code == 200
    shown = {
        code
        for code, message in texts.items()
        if f"+8491234500{'abc'.index(code)}" in response.content.decode()
    }
    assert shown == expected
    for code, message in texts.items():
        # follow: Django's LocaleMiddleware answers an admin 404 with a redirect to /vi/…, also a 404.
        inspect = client.get(reverse("outbox:inspect", args=[message.pk]), follow=True)
        assert inspect.status_code == (200 if code in expected else 404)


def test_a_commune_officer_cannot_find_another_communes_message_by_search_or_filter(client, world, texts):
    sign_in(client, Role.COMMUNE_OFFICER, commune=world["a"])
    other = texts["b"].recipient
    response = client.get(reverse("outbox:index"), {"q": other, "state": "scheduled", "purpose": "notice"})
    assert response.content.decode().count(other) == 1  # only in the search box, as typed
    assert response.context["page_obj"].paginator.count == 0


def test_a_commune_officer_sees_no_phone_numbers_of_sign_in_codes(client, world, texts):
    queue_sms("+84987654321", "Mã {secret}", purpose=Purpose.SIGN_IN, idempotency_key="x", secret="123456")
    sign_in(client, Role.COMMUNE_OFFICER, commune=world["a"])
    assert "+84987654321" not in client.get(reverse("outbox:index")).content.decode()


def test_the_outbox_is_read_only_for_officers(client, world, texts):
    sign_in(client, Role.NATIONAL_ADMIN)
    assert sent_to_admin_home(client.get(reverse("outbox:edit", args=[texts["a"].pk])))
    assert sent_to_admin_home(client.post(reverse("outbox:delete", args=[texts["a"].pk])))
    assert Message.objects.count() == 3


def test_the_history_of_a_message_shows_in_the_admin(client, world, texts):
    sign_in(client, Role.COMMUNE_OFFICER, commune=world["a"])
    response = client.get(reverse("outbox:inspect", args=[texts["a"].pk]))
    assert "Thông báo a" in response.content.decode()
    assert response.content.decode().count("<tr>") >= 2  # header and the "scheduled" event


def test_a_team_member_cannot_open_the_admin(client, world):
    user = RoleAssignmentFactory(role=Role.TEAM_MEMBER, commune=world["a"]).user
    client.force_login(user)
    # A page saying the admin is for officers (tests/test_navigation.py), not the outbox.
    response = client.get(reverse("outbox:index"))
    assert response.status_code == 403
    assert "accounts/admin_closed.html" in [template.name for template in response.templates]


def test_a_commune_officer_manages_roles_of_their_commune_only(client, world):
    officer = sign_in(client, Role.COMMUNE_OFFICER, commune=world["a"])
    own = RoleAssignmentFactory(role=Role.TEAM_LEADER, commune=world["a"])
    other = RoleAssignmentFactory(role=Role.TEAM_LEADER, commune=world["b"])
    listing = client.get(reverse("roles:index")).content.decode()
    assert str(own.user) in listing or own.user.email in listing
    for view in ("roles:edit", "roles:delete"):
        assert client.get(reverse(view, args=[other.pk]), follow=True).status_code == 404
        assert client.get(reverse(view, args=[own.pk])).status_code == 200
    assert client.post(reverse("roles:delete", args=[other.pk]), follow=True).status_code == 404
    assert RoleAssignment.objects.filter(pk=other.pk).exists()
    # Giving a role in another commune, or an officer role, is refused with a message.
    newcomer = own.user
    for role, commune in [(Role.TEAM_MEMBER, world["b"]), (Role.COMMUNE_OFFICER, world["a"])]:
        response = client.post(
            reverse("roles:add"), {"user": newcomer.pk, "role": role, "commune": commune.pk, "province": ""}
        )
        assert response.status_code == 200
    assert not RoleAssignment.objects.filter(user=newcomer, role=Role.TEAM_MEMBER).exists()
    response = client.post(
        reverse("roles:add"),
        {"user": newcomer.pk, "role": Role.TEAM_MEMBER, "commune": world["a"].pk, "province": ""},
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=newcomer, role=Role.TEAM_MEMBER, commune=world["a"]).exists()
    assert officer.groups.filter(name="Officers").exists()


def test_the_outbox_listing_costs_the_same_queries_for_many_messages(client, world, texts):
    sign_in(client, Role.COMMUNE_OFFICER, commune=world["a"])
    client.get(reverse("outbox:index"))  # warm the session and the permission caches
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("outbox:index"))
    for n in range(40):
        queue_sms(
            f"+8491299{n:04d}",
            f"Tin {n}",
            purpose=Purpose.NOTICE,
            idempotency_key=f"many-{n}",
            commune=world["a"],
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("outbox:index"))
    page = response.context["page_obj"]
    assert (page.paginator.count, len(page.object_list)) == (41, page.paginator.per_page)
    assert len(many) == len(one), [query["sql"] for query in many.captured_queries]


@pytest.mark.parametrize(
    "typed", ["0912 345 001", "0912.345.001", "+84912345001", "84 912 345 001", "345 001"]
)
def test_the_outbox_search_finds_a_number_as_the_listing_shows_it(client, world, texts, typed):
    sign_in(client, Role.NATIONAL_ADMIN)
    response = client.get(reverse("outbox:index"), {"q": typed})
    assert [message.pk for message in response.context["page_obj"]] == [texts["b"].pk]
    assert "0912 345 001" in response.content.decode()


def test_the_outbox_search_finds_nothing_for_another_number_or_a_word(client, world, texts):
    sign_in(client, Role.NATIONAL_ADMIN)
    for typed in ["0912 345 009", "Thông báo"]:
        assert client.get(reverse("outbox:index"), {"q": typed}).context["page_obj"].paginator.count == 0
    assert client.get(reverse("outbox:index"), {"q": "notice-a"}).context["page_obj"].paginator.count == 1
