"""What a session's people see once it is held, and members finding their own team's sessions.

A held session offered "Huỷ buổi tập huấn và báo cho mọi người" and said "no phone number" beside
each registrant's phone; members got a 404 for their own team's members-only session and did not
find it in their list.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory, VillageFactory
from tests.factories_teams import MemberFactory, TeamFactory
from tests.factories_trainings import SessionFactory
from trainings.models import Registration, TrainingSession
from trainings.registering import enrol, sign_up

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def village():
    return VillageFactory(commune=CommuneFactory(name="Xã Bát Tràng"), name="Thôn Giang Cao")


def held_session(commune, **fields):
    """A session that began an hour ago, with a citizen signed up a week before (no texts left)."""
    session = SessionFactory(commune=commune, **fields)
    TrainingSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    signed_up_at = timezone.now() - timedelta(days=7)
    Registration.objects.create(
        session=session,
        full_name="Nguyễn Thị Lan",
        phone="+84912345678",
        consent_at=signed_up_at,
        queued_at=signed_up_at,
    )
    session.refresh_from_db()
    return session


def test_a_held_session_offers_attendance_not_cancelling_and_reads_right_beside_a_phone(client, village):
    session = held_session(village.commune)
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=village.commune).user)
    html = client.get(f"/vi/team/trainings/{session.pk}/").content.decode()
    assert f'href="/vi/team/trainings/{session.pk}/attendance/">Điểm danh</a>' in html
    assert "Huỷ buổi tập huấn và báo cho mọi người" not in html
    assert "Đổi thời gian, địa điểm hoặc số chỗ" not in html
    assert "đã tổ chức" in html
    assert "đã lên lịch" not in html
    assert "0912 345 678" in html
    assert "Chưa có tin nhắn nào." in html
    assert "không có số điện thoại" not in html

    # Asking for the cancellation anyway cancels nothing and texts nobody.
    page = client.post(f"/vi/team/trainings/{session.pk}/cancel/", follow=True)
    assert "Buổi tập huấn đã bắt đầu: không thể huỷ nữa." in page.content.decode()
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SCHEDULED
    assert not session.registrations.filter(messages__isnull=False).exists()


def test_an_upcoming_session_still_offers_cancelling(client, village):
    session = SessionFactory(commune=village.commune)
    sign_up(session, full_name="Trần Văn Hùng", phone="0987654321", language="vi")
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=village.commune).user)
    html = client.get(f"/en/team/trainings/{session.pk}/").content.decode()
    assert "Cancel the session and tell everyone" in html
    assert "No text messages" not in html  # the confirmation and reminders are listed


def member_user(team):
    member = MemberFactory(team=team)
    member.user = UserFactory(email=None, phone=member.phone, full_name=member.full_name)
    member.save()
    return member


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_member_opens_their_teams_members_only_session_and_finds_it_in_their_list(
    client, village, language
):
    team = TeamFactory(village=village)
    member = member_user(team)
    own = SessionFactory(commune=village.commune, village=village, audience="members")
    whole_commune = SessionFactory(commune=village.commune, audience="members")
    other_village = SessionFactory(
        commune=village.commune, village=VillageFactory(commune=village.commune), audience="members"
    )
    elsewhere = SessionFactory(commune=CommuneFactory(), audience="members")
    enrol(own, [member])
    client.force_login(member.user)

    listing = client.get(f"/{language}/trainings/")
    listed = {session.pk for session in listing.context["team_sessions"]}
    assert listed == {own.pk, whole_commune.pk, other_village.pk}  # the commune enrols any team
    page = client.get(f"/{language}/trainings/{own.pk}/")
    assert page.status_code == 200
    said = {"vi": "Bạn đã được ghi danh vào buổi này.", "en": "You are enrolled in this session."}
    assert said[language] in page.content.decode()
    assert 'id="sign-up"' not in page.content.decode()  # members are enrolled, not signed up
    assert client.get(f"/{language}/trainings/{whole_commune.pk}/").status_code == 200
    assert client.get(f"/{language}/trainings/{elsewhere.pk}/").status_code == 404


def test_nobody_else_sees_a_members_only_session(client, village):
    session = SessionFactory(commune=village.commune, village=village, audience="members")
    assert client.get(f"/vi/trainings/{session.pk}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/vi/trainings/{session.pk}/").status_code == 404
    assert list(client.get("/vi/trainings/").context["team_sessions"]) == []
    # A member who left the team no longer sees it.
    former = member_user(TeamFactory(village=village))
    former.left_on = timezone.localdate()
    former.save()
    client.force_login(former.user)
    assert client.get(f"/vi/trainings/{session.pk}/").status_code == 404


def test_a_national_admin_picks_the_commune_of_a_new_session_by_province(
    client, django_assert_max_num_queries
):
    """Every commune of the country is offered; grouped under its province, two communes of the
    same name are told apart, and the page reads them in one query whatever their number."""
    from tests.factories import ProvinceFactory

    for code, province in (("91", "Tỉnh Một"), ("92", "Tỉnh Hai")):
        place = ProvinceFactory(code=code, name=province)
        for n in range(60):
            CommuneFactory(code=f"{code}{n:03d}", province=place, name=f"Xã Bình Mỹ {n % 30}")
    client.force_login(RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user)
    with django_assert_max_num_queries(20):
        html = client.get("/admin/trainings/sessions/new/").content.decode()
    form = html[html.index('name="commune"') :]
    form = form[: form.index("</select>")]
    assert form.index('<optgroup label="Tỉnh Hai">') < form.index('<optgroup label="Tỉnh Một">')
    assert form.count("<option value=") == 121  # the empty choice and 120 communes
    assert form.count(">Xã Bình Mỹ 7</option>") == 4
