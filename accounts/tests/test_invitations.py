"""Officers invite people by SMS within their scope; a link grants a role only to its phone's
holder, once, before it expires, and never signs anyone in."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Invitation, Role, RoleAssignment, User
from messaging.models import SECRET_MASK, Message, Purpose
from messaging.outbox import has_consent
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.pages import says
from tests.sign_in_steps import (
    MORNING,
    assert_admins_refuse,
    deliver_scheduled_texts,
    invitation_link_path,
    is_signed_in,
    last_code,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]


@pytest.fixture
def units(world):
    """Bát Tràng in Hà Nội and Tả Van in Lào Cai, from the shared world (tests/world/)."""
    return {"hanoi": world["north"], "laocai": world["south"], "bat trang": world["a"], "ta van": world["c"]}


def post_invitation(client, on_commit, phone="0912 345 678", name="Lê Thị Mai", **fields):
    data = {"full_name": name, "phone": phone, "role": Role.TEAM_LEADER, "language": "vi", **fields}
    with on_commit(execute=True):
        return client.post(reverse("invite_by_sms"), data)


def test_the_attack_an_officer_invites_a_staff_phone_from_another_province(
    client, units, commune_officer_signed_in, capsys, django_capture_on_commit_callbacks
):
    """The Bát Tràng officer invites the phone of a Lào Cai province officer and opens the link."""
    victim = RoleAssignmentFactory(
        user=UserFactory(phone="+84987654321"), role=Role.PROVINCE_OFFICER, province=units["laocai"]
    ).user
    response = post_invitation(
        client, django_capture_on_commit_callbacks, phone="0987 654 321", commune=units["bat trang"].pk
    )
    assert response.status_code == 302
    # The officer reads the outbox: the link is masked, in the listing and in the message itself.
    message = Message.objects.get(purpose=Purpose.INVITATION)
    listing = client.get(reverse("outbox:index")).content.decode()
    detail = client.get(reverse("outbox:inspect", args=[message.pk])).content.decode()
    assert SECRET_MASK in detail
    assert "/invitation/" not in detail + listing + message.body
    # Say the link leaked anyway (here: read from the phone). With no cookies it opens nothing.
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    client.logout()
    for _ in range(2):
        page = client.post(link, {"consent": ["reminder", "notice"]})
        assert page.status_code == 200
        assert reverse("account_login") in page.content.decode()
    assert not is_signed_in(client)
    assert_admins_refuse(client)
    export = client.get(reverse("rosters:export", kwargs={"what": "members", "file_format": "xlsx"}))
    assert export.status_code == 302
    assert export["Location"].startswith("/accounts/login/")
    dashboard = client.get(reverse("reporting:dashboard_province", args=["15"]))
    assert dashboard.status_code == 302
    assert "/accounts/login/" in dashboard["Location"]
    # Nothing was given or recorded for the victim's account.
    assert list(victim.role_assignments.values_list("role", flat=True)) == [Role.PROVINCE_OFFICER]
    assert not has_consent("+84987654321", Purpose.NOTICE)
    assert Invitation.objects.get().accepted_at is None


def test_a_new_member_accepts_once_and_signs_in_with_the_texted_code(
    client, units, commune_officer_signed_in, capsys, django_capture_on_commit_callbacks
):
    post_invitation(client, django_capture_on_commit_callbacks, commune=units["bat trang"].pk)
    client.logout()
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    assert not User.objects.filter(phone="+84912345678").exists()  # nothing made before accepting
    page = client.get(link).content.decode()
    assert "Lê Thị Mai" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"consent": ["reminder"]})
    assert response["Location"] == reverse("account_confirm_login_code")
    assert not is_signed_in(client)
    member = User.objects.get(phone="+84912345678")
    assert member.role_assignments.filter(role=Role.TEAM_LEADER, commune=units["bat trang"]).exists()
    assert has_consent("+84912345678", Purpose.REMINDER)
    assert not has_consent("+84912345678", Purpose.NOTICE)
    client.post(reverse("account_confirm_login_code"), {"code": last_code(capsys)})
    assert is_signed_in(client)
    member.refresh_from_db()
    assert member.phone_verified
    # The link worked once: opening or posting it again, signed in or not, is refused.
    assert client.get(link).status_code == 410
    client.logout()
    assert client.post(link, {"consent": ["reminder"]}).status_code == 410
    assert RoleAssignment.objects.filter(user=member).count() == 1


def test_an_existing_member_opening_the_link_is_asked_to_sign_in_then_accepts(
    client, units, commune_officer_signed_in, capsys, django_capture_on_commit_callbacks
):
    member = UserFactory(phone="+84912345678", full_name="Trần Văn Hùng", email=None)
    post_invitation(
        client, django_capture_on_commit_callbacks, name="Tên Khác", commune=units["bat trang"].pk
    )
    texts = deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks)
    assert "Hung" in texts
    assert "Khac" not in texts
    link = invitation_link_path(texts)
    client.logout()
    page = client.get(link)
    assert reverse("account_login") in page.content.decode()
    assert not is_signed_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_request_login_code"), {"phone": "0912345678"})
    response = client.post(reverse("account_confirm_login_code"), {"code": last_code(capsys), "next": link})
    assert response["Location"] == link
    assert "Trần Văn Hùng" in client.get(link).content.decode()
    assert client.post(link, {"consent": ["notice"]}).status_code == 302
    assert member.role_assignments.filter(role=Role.TEAM_LEADER, commune=units["bat trang"]).exists()
    member.refresh_from_db()
    assert member.full_name == "Trần Văn Hùng"


def test_someone_signed_in_as_another_person_cannot_accept(
    client, units, commune_officer_signed_in, capsys, django_capture_on_commit_callbacks
):
    UserFactory(phone="+84912345678")
    post_invitation(client, django_capture_on_commit_callbacks, commune=units["bat trang"].pk)
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    page = client.post(link, {"consent": ["notice"]})  # the officer, still signed in
    assert page.status_code == 200
    assert not RoleAssignment.objects.filter(role=Role.TEAM_LEADER).exists()


@pytest.mark.parametrize(("hours_later", "opens"), [(71, True), (73, False)])
def test_a_link_expires_after_the_configured_hours(
    client,
    units,
    commune_officer_signed_in,
    clock,
    capsys,
    django_capture_on_commit_callbacks,
    hours_later,
    opens,
):
    post_invitation(client, django_capture_on_commit_callbacks, commune=units["bat trang"].pk)
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    client.logout()
    clock.shift(timedelta(hours=hours_later))
    assert (client.get(link).status_code == 200) is opens


def test_the_expiry_follows_the_setting(
    client, units, commune_officer_signed_in, clock, settings, capsys, django_capture_on_commit_callbacks
):
    settings.INVITATION_LINK_MAX_AGE_HOURS = 2
    post_invitation(client, django_capture_on_commit_callbacks, commune=units["bat trang"].pk)
    assert Invitation.objects.get().expires_at == MORNING + timedelta(hours=2)
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    client.logout()
    clock.shift(timedelta(hours=2, minutes=1))
    response = client.get(link, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    assert "used or has expired" in response.content.decode()


def test_a_link_stops_working_when_its_officer_loses_the_role(
    client, units, commune_officer_signed_in, capsys, django_capture_on_commit_callbacks
):
    post_invitation(client, django_capture_on_commit_callbacks, commune=units["bat trang"].pk)
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    client.logout()
    RoleAssignment.objects.filter(user=commune_officer_signed_in).delete()
    assert client.get(link).status_code == 410


@pytest.mark.parametrize(
    ("role", "unit"),
    [
        (Role.TEAM_LEADER, "ta van"),  # a commune of another province
        (Role.COMMUNE_OFFICER, "bat trang"),  # a role only a province officer gives
        (Role.NATIONAL_ADMIN, None),
    ],
)
def test_an_invitation_outside_the_officers_scope_is_refused(
    client, units, commune_officer_signed_in, role, unit, django_capture_on_commit_callbacks
):
    fields = {"role": role, "commune": units[unit].pk if unit else "", "province": ""}
    response = post_invitation(client, django_capture_on_commit_callbacks, **fields)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Invitation.objects.exists()
    assert not Message.objects.exists()
    assert not User.objects.filter(phone="+84912345678").exists()


def test_a_province_officer_invites_only_in_their_province(
    client, units, world, django_capture_on_commit_callbacks
):
    officer = RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=units["hanoi"]).user
    client.force_login(officer)
    page = client.get(reverse("invite_by_sms"))
    assert says(page.content.decode(), "trong 72 giờ")  # the officer is told how long the link works
    form = page.context["form"]
    assert set(form.fields["commune"].queryset) == {units["bat trang"], world["b"]}  # Hà Nội's two
    refused = post_invitation(
        client, django_capture_on_commit_callbacks, role=Role.COMMUNE_OFFICER, commune=units["ta van"].pk
    )
    assert refused.status_code == 200
    assert not Invitation.objects.exists()
    accepted = post_invitation(
        client, django_capture_on_commit_callbacks, role=Role.COMMUNE_OFFICER, commune=units["bat trang"].pk
    )
    assert accepted.status_code == 302
    assert Invitation.objects.get().commune == units["bat trang"]


def test_the_link_is_kept_sealed_then_emptied_and_only_its_hash_stays(
    client, units, commune_officer_signed_in, capsys, django_capture_on_commit_callbacks
):
    import hashlib

    post_invitation(client, django_capture_on_commit_callbacks, commune=units["bat trang"].pk)
    message = Message.objects.get(purpose=Purpose.INVITATION)
    assert message.sealed_secret
    assert "invitation" not in message.sealed_secret + message.body
    assert message.shown_body.endswith(SECRET_MASK)
    link = invitation_link_path(deliver_scheduled_texts(capsys, django_capture_on_commit_callbacks))
    message.refresh_from_db()
    assert message.sealed_secret == ""  # emptied once the provider had it
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert Invitation.objects.get().token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_no_role_is_chosen_for_the_national_administrator_inviting(
    client, world, django_capture_on_commit_callbacks
):
    # The first role offered is the most powerful: preselected, a hurried invitation handed it out.
    client.force_login(world.person("national"))
    page = client.get(reverse("invite_by_sms")).content.decode()
    # A browser shows a select's first option as chosen: it must be the empty one.
    assert re.search(r'<select name="role"[^>]*>\s*<option value=""', page)
    refused = post_invitation(client, django_capture_on_commit_callbacks, role="")
    assert refused.status_code == 200
    assert not Invitation.objects.exists()
