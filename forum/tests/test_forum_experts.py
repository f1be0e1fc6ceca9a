"""Marking experts: the national administrator marks anyone, a province's officer only people who
appear in their province; a commune officer marks nobody; every mark and unmark is recorded, and
an expert's answer carries the badge naming the organisation."""

import pytest
from django.urls import reverse

from forum.models import Expert, ExpertChange, Organisation
from tests.factories import UserFactory
from tests.factories_teams import leader_of
from tests.forum_steps import topic
from tests.sessions import SignedInClient as Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "home_pages")]

EXPERTS = reverse("forum:experts")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def mark(client, phone, organisation="Bưu điện xã Bát Tràng", **fields):
    data = {"phone": phone, "kind": Organisation.POST, "organisation": organisation, **fields}
    return client.post(EXPERTS, data)


def test_a_province_officer_marks_a_leader_of_her_province_and_unmarks_her(world):
    leader = world.person("leader")  # leads the team of Xã Bát Tràng, Hà Nội
    officer = signed_in(world.person("province"))
    local_phone = "0" + leader.phone.removeprefix("+84")
    response = mark(officer, local_phone, topics=[topic().pk])
    assert response.status_code == 302
    expert = Expert.objects.get(user=leader)
    assert expert.province == world["north"]
    assert list(expert.topics.all()) == [topic()]
    page = officer.get(EXPERTS).content.decode()
    assert "Bưu điện xã Bát Tràng" in page
    # The kind of organisation starts a line (the list's) and a choice (the form's): capitalised.
    assert '<div class="q-meta">Bưu điện · ' in page
    assert '<option value="post">Bưu điện</option>' in page
    assert leader.full_name in page

    officer.post(reverse("forum:unmark_expert", kwargs={"pk": expert.pk}))
    assert not Expert.objects.filter(user=leader).exists()
    changes = ExpertChange.objects.filter(user=leader).order_by("pk")
    assert [(c.change, c.organisation, c.by.full_name) for c in changes] == [
        ("mark", "Bưu điện xã Bát Tràng", "Người dùng province"),
        ("unmark", "Bưu điện xã Bát Tràng", "Người dùng province"),
    ]


def test_a_province_officer_cannot_mark_or_unmark_someone_of_another_province(world):
    south_leader = leader_of(world["teams"]["c"], full_name="Giàng A Lử")  # Lào Cai
    officer = signed_in(world.person("province"))  # Hà Nội
    response = mark(officer, south_leader.phone)
    assert response.status_code == 400
    assert not Expert.objects.exists()
    assert "chỉ đánh dấu người có mặt trong tỉnh" in response.content.decode()
    # An account that appears nowhere on the map is the national administrator's.
    UserFactory(email=None, phone="+84988000111", full_name="Trần Văn Bình")
    assert mark(officer, "0988 000 111").status_code == 400

    national = signed_in(world.person("national"))
    assert mark(national, south_leader.phone, organisation="Công an xã Tả Van").status_code == 302
    expert = Expert.objects.get(user=south_leader)
    assert expert.province is None
    officer.post(reverse("forum:unmark_expert", kwargs={"pk": expert.pk}))
    assert Expert.objects.filter(pk=expert.pk).exists()
    assert "Công an xã Tả Van" not in officer.get(EXPERTS).content.decode()


def test_a_commune_officer_and_a_citizen_mark_nobody(world, client):
    assert signed_in(world.person("commune")).get(EXPERTS).status_code == 403
    assert client.get(EXPERTS).status_code == 302  # to sign in
