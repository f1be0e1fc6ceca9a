"""The attack of issue 20: the Bát Tràng commune officer records a deletion request for the phone
of a member in Lào Cai (naming her own commune on the form), then carries it out. Authority over
a person follows the data about that person, never the unit a form names: the request goes to the
level that covers every place the person appears, and she learns only that it was forwarded."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, RoleAssignment, User
from messaging.models import Message, MutedNumber
from privacy.models import RightsRequest
from teams.models import Member
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.factories_teams import MemberFactory
from tests.factories_trainings import SessionFactory
from trainings.models import Registration
from vietnamese.phones import normalize_phone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

LAO_CAI_PHONE = "+84912777001"
PROVINCE_OFFICER_PHONE = "+84912777002"


def recorded(client, phone, commune, name="Người Bị Xoá"):
    """A deletion request recorded through the form, naming `commune`."""
    client.post(
        reverse("privacy_record_request"),
        {
            "kind": "deletion",
            "channel": "in_person",
            "received_at": "2026-11-20 09:00",
            "full_name": name,
            "phone": phone,
            "commune": commune.pk,
        },
    )
    return RightsRequest.objects.filter(phone=normalize_phone(phone)).order_by("-pk").first()


def deletion(client, phone, commune):
    """Her requests: record a deletion naming her own commune, then carry it out both ways."""
    request = recorded(client, phone, commune)
    if request is not None:
        client.post(reverse("privacy_request_act", args=[request.pk]), {"action": "erased"})
        client.post(reverse("privacy_request_erase", args=[request.pk]), {"confirm": "1"})
    return request


def test_a_commune_officer_cannot_erase_a_member_in_another_province(client, world):
    her = world.person("commune")
    victim = MemberFactory(team=world["teams"]["c"], full_name="Lò Thị Mỷ", phone=LAO_CAI_PHONE)
    client.force_login(her)

    request = deletion(client, LAO_CAI_PHONE, world["a"])

    victim.refresh_from_db()
    assert (victim.full_name, victim.phone) == ("Lò Thị Mỷ", LAO_CAI_PHONE)
    # The request went to the level that covers Tả Van, and she cannot open it.
    request.refresh_from_db()
    assert request.commune == world["c"]
    assert request.status == RightsRequest.Status.RECEIVED
    listing = client.get(reverse("data_requests:index")).content.decode()
    assert f"#{request.pk} " not in listing
    assert "Lò Thị Mỷ" not in listing
    page = client.get(reverse("data_requests:inspect", args=[request.pk]), follow=True)
    assert page.status_code == 404


def test_she_is_told_only_that_it_was_forwarded(client, world):
    client.force_login(world.person("commune"))
    MemberFactory(team=world["teams"]["c"], full_name="Lò Thị Mỷ", phone=LAO_CAI_PHONE)
    response = client.post(
        reverse("privacy_record_request"),
        {
            "kind": "deletion",
            "channel": "in_person",
            "received_at": "2026-11-20 09:00",
            "full_name": "Ai Đó",
            "phone": "0912 777 001",
            "commune": world["a"].pk,
        },
        follow=True,
    )
    page = response.content.decode()
    assert "chuyển lên cấp quản lý" in page
    for elsewhere in ("Lò Thị Mỷ", "Tả Van", "Lào Cai", world["teams"]["c"].name):
        assert elsewhere not in page


def test_a_province_officers_account_is_out_of_reach_even_of_the_national_administrator(client, world):
    lao_cai = RoleAssignmentFactory(
        role=Role.PROVINCE_OFFICER,
        province=world["south"],
        user=UserFactory(full_name="Hoàng Thị Sen", phone=PROVINCE_OFFICER_PHONE),
    )
    client.force_login(world.person("commune"))
    request = deletion(client, PROVINCE_OFFICER_PHONE, world["a"])
    assert User.objects.filter(pk=lao_cai.user_id, is_active=True).exists()
    request.refresh_from_db()
    assert (request.commune, request.province) == (None, None)  # national

    # The national administrator is told to remove the role first, and nothing is erased.
    client.force_login(world.person("national"))
    response = client.post(reverse("privacy_request_erase", args=[request.pk]), {"confirm": "1"}, follow=True)
    assert "Gỡ vai trò" in response.content.decode()
    assert User.objects.filter(pk=lao_cai.user_id, is_active=True).exists()
    # Once the role is removed, the national administrator may erase the account.
    RoleAssignment.objects.filter(pk=lao_cai.pk).delete()
    client.post(reverse("privacy_request_erase", args=[request.pk]), {"confirm": "1"})
    assert not User.objects.filter(pk=lao_cai.user_id).exists()


def test_a_person_in_two_communes_of_one_province_goes_to_the_province(client, world):
    MemberFactory(team=world["teams"]["a"], full_name="Trần Văn Hai", phone=LAO_CAI_PHONE)
    Registration.objects.create(
        session=SessionFactory(commune=world["b"]),
        full_name="Trần Văn Hai",
        phone=LAO_CAI_PHONE,
        queued_at=timezone.now(),
    )
    client.force_login(world.person("commune"))
    request = deletion(client, LAO_CAI_PHONE, world["a"])
    request.refresh_from_db()
    assert (request.commune, request.province) == (None, world["north"])
    assert Member.objects.filter(full_name="Trần Văn Hai").exists()

    client.force_login(world.person("province"))
    client.post(reverse("privacy_request_erase", args=[request.pk]), {"confirm": "1"})
    assert not Member.objects.filter(full_name="Trần Văn Hai").exists()


def test_a_request_placed_in_her_commune_is_forwarded_when_the_person_appears_elsewhere(client, world):
    """Authority is decided when she acts, not only when the request was recorded."""
    MemberFactory(team=world["teams"]["a"], full_name="Trần Văn Ba", phone=LAO_CAI_PHONE)
    client.force_login(world.person("commune"))
    request = recorded(client, "0912 777 009", world["a"])  # a number held nowhere: her commune
    assert request.commune == world["a"]
    request.phone = LAO_CAI_PHONE  # as if it had been the Bát Tràng member's all along
    request.save()
    Registration.objects.create(
        session=SessionFactory(commune=world["c"]),
        full_name="Trần Văn Ba",
        phone=LAO_CAI_PHONE,
        queued_at=timezone.now(),
    )
    client.post(reverse("privacy_request_erase", args=[request.pk]), {"confirm": "1"})
    assert Member.objects.filter(full_name="Trần Văn Ba").exists()
    request.refresh_from_db()
    assert (request.commune, request.province) == (None, None)
    assert request.actions.filter(action="forwarded").exists()


def test_an_invitation_text_does_not_name_the_holder_of_a_number_outside_her_units(
    client, world, django_capture_on_commit_callbacks
):
    """The text sits in her outbox: it greets the person by the name she typed, not by the
    account's own name, when the number's holder is beyond her units."""
    RoleAssignmentFactory(
        role=Role.PROVINCE_OFFICER,
        province=world["south"],
        user=UserFactory(full_name="Hoàng Thị Sen", phone=PROVINCE_OFFICER_PHONE),
    )
    client.force_login(world.person("commune"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("invite_by_sms"),
            {
                "full_name": "Lê Thị Mai",
                "phone": "0912 777 002",
                "role": Role.TEAM_MEMBER,
                "commune": world["a"].pk,
                "language": "vi",
            },
        )
    body = Message.objects.get(recipient=PROVINCE_OFFICER_PHONE).body
    assert body.startswith("Mai")
    assert "Sen" not in body


def test_an_opt_out_for_a_number_also_held_elsewhere_is_not_hers_to_record(client, world):
    """An opt-out mutes every text to the number, wherever it was sent from."""
    MemberFactory(team=world["teams"]["a"], full_name="Trần Văn Tư", phone=LAO_CAI_PHONE)
    Registration.objects.create(
        session=SessionFactory(commune=world["c"]),
        full_name="Trần Văn Tư",
        phone=LAO_CAI_PHONE,
        queued_at=timezone.now(),
    )
    client.force_login(world.person("commune"))
    response = client.post(
        reverse("privacy_record_consent"),
        {"phone": "0912 777 001", "choice": "opt_out", "method": "paper", "given_on": "2026-11-02"},
    )
    assert "còn có dữ liệu ở ngoài địa bàn bạn quản lý" in response.content.decode()
    assert not MutedNumber.objects.exists()


def test_acting_on_a_request_whose_person_now_appears_elsewhere_forwards_it(client, world):
    MemberFactory(team=world["teams"]["a"], full_name="Trần Văn Năm", phone=LAO_CAI_PHONE)
    client.force_login(world.person("commune"))
    request = recorded(client, LAO_CAI_PHONE, world["a"])
    assert request.commune == world["a"]  # all her data was in Bát Tràng
    Registration.objects.create(
        session=SessionFactory(commune=world["b"]),
        full_name="Trần Văn Năm",
        phone=LAO_CAI_PHONE,
        queued_at=timezone.now(),
    )
    response = client.post(
        reverse("privacy_request_act", args=[request.pk]), {"action": "acknowledged"}, follow=True
    )
    assert "chuyển lên cấp quản lý" in response.content.decode()
    request.refresh_from_db()
    assert (request.status, request.commune, request.province) == ("received", None, world["north"])
    assert [a.action for a in request.actions.all()] == ["received", "forwarded"]
