"""Officers in the Wagtail admin see and touch their own units' rows only, however they ask."""

import pytest
from django.urls import reverse

from accounts.models import Role, RoleAssignment
from messaging.models import Message, Purpose
from messaging.outbox import queue_sms
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def units():
    north, south = ProvinceFactory(code="91"), ProvinceFactory(code="92")
    return {
        "north": north,
        "south": south,
        "a": CommuneFactory(code="91001", province=north),
        "b": CommuneFactory(code="91002", province=north),
        "c": CommuneFactory(code="92001", province=south),
    }


@pytest.fixture
def texts(units):
    return {
        code: queue_sms(
            f"+8491234500{n}",
            f"Thông báo {code}",
            purpose=Purpose.NOTICE,
            idempotency_key=f"notice-{code}",
            commune=units[code],
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
def test_the_outbox_lists_only_messages_of_the_officers_units(client, units, texts, who):
    role, unit, expected = OFFICERS[who]
    kind = "province" if role == Role.PROVINCE_OFFICER else "commune"
    sign_in(client, role, **({kind: units[unit]} if unit else {}))
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


def test_a_commune_officer_cannot_find_another_communes_message_by_search_or_filter(client, units, texts):
    sign_in(client, Role.COMMUNE_OFFICER, commune=units["a"])
    other = texts["b"].recipient
    response = client.get(reverse("outbox:index"), {"q": other, "state": "scheduled", "purpose": "notice"})
    assert response.content.decode().count(other) == 1  # only in the search box, as typed
    assert response.context["page_obj"].paginator.count == 0


def test_a_commune_officer_sees_no_phone_numbers_of_sign_in_codes(client, units, texts):
    queue_sms("+84987654321", "Mã {secret}", purpose=Purpose.SIGN_IN, idempotency_key="x", secret="123456")
    sign_in(client, Role.COMMUNE_OFFICER, commune=units["a"])
    assert "+84987654321" not in client.get(reverse("outbox:index")).content.decode()


def test_the_outbox_is_read_only_for_officers(client, units, texts):
    sign_in(client, Role.NATIONAL_ADMIN)
    assert client.get(reverse("outbox:edit", args=[texts["a"].pk])).status_code in (302, 403)
    assert client.post(reverse("outbox:delete", args=[texts["a"].pk])).status_code in (302, 403)
    assert Message.objects.count() == 3


def test_the_history_of_a_message_shows_in_the_admin(client, units, texts):
    sign_in(client, Role.COMMUNE_OFFICER, commune=units["a"])
    response = client.get(reverse("outbox:inspect", args=[texts["a"].pk]))
    assert "Thông báo a" in response.content.decode()
    assert response.content.decode().count("<tr>") >= 2  # header and the "scheduled" event


def test_a_team_member_cannot_open_the_admin(client, units):
    user = RoleAssignmentFactory(role=Role.TEAM_MEMBER, commune=units["a"]).user
    client.force_login(user)
    # A page saying the admin is for officers (tests/test_navigation.py), not the outbox.
    response = client.get(reverse("outbox:index"))
    assert response.status_code == 403
    assert "accounts/admin_closed.html" in [template.name for template in response.templates]


def test_a_commune_officer_manages_roles_of_their_commune_only(client, units):
    officer = sign_in(client, Role.COMMUNE_OFFICER, commune=units["a"])
    own = RoleAssignmentFactory(role=Role.TEAM_LEADER, commune=units["a"])
    other = RoleAssignmentFactory(role=Role.TEAM_LEADER, commune=units["b"])
    listing = client.get(reverse("roles:index")).content.decode()
    assert str(own.user) in listing or own.user.email in listing
    for view in ("roles:edit", "roles:delete"):
        assert client.get(reverse(view, args=[other.pk]), follow=True).status_code == 404
        assert client.get(reverse(view, args=[own.pk])).status_code == 200
    assert client.post(reverse("roles:delete", args=[other.pk])).status_code in (302, 404)
    assert RoleAssignment.objects.filter(pk=other.pk).exists()
    # Giving a role in another commune, or an officer role, is refused with a message.
    newcomer = own.user
    for role, commune in [(Role.TEAM_MEMBER, units["b"]), (Role.COMMUNE_OFFICER, units["a"])]:
        response = client.post(
            reverse("roles:add"), {"user": newcomer.pk, "role": role, "commune": commune.pk, "province": ""}
        )
        assert response.status_code == 200
    assert not RoleAssignment.objects.filter(user=newcomer, role=Role.TEAM_MEMBER).exists()
    response = client.post(
        reverse("roles:add"),
        {"user": newcomer.pk, "role": Role.TEAM_MEMBER, "commune": units["a"].pk, "province": ""},
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=newcomer, role=Role.TEAM_MEMBER, commune=units["a"]).exists()
    assert officer.groups.filter(name="Officers").exists()


def test_the_outbox_listing_costs_the_same_queries_for_many_messages(
    client, units, texts, django_assert_max_num_queries
):
    sign_in(client, Role.COMMUNE_OFFICER, commune=units["a"])
    client.get(reverse("outbox:index"))  # warm the session and the permission caches
    queue_many_for_a = [
        queue_sms(
            f"+8491299{n:04d}",
            f"Tin {n}",
            purpose=Purpose.NOTICE,
            idempotency_key=f"many-{n}",
            commune=units["a"],
        )
        for n in range(40)
    ]
    assert len(queue_many_for_a) == 40
    with django_assert_max_num_queries(25):
        response = client.get(reverse("outbox:index"))
    assert response.context["page_obj"].paginator.count == 41
