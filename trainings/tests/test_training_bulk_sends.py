"""Before an officer's action texts many people, they see who gets what and what it costs.

Cancelling, moving a session (or giving it more places) and enrolling a team each show a
confirmation: how many people get texts (opted-out numbers counted apart), each text as it will
go, its encoding and segments, and the estimated cost in VND. Nothing is queued before the
officer confirms; confirming twice sends nothing twice.
"""

import copy
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from django.utils.html import escape

from accounts.models import Role
from messaging import consent, optout
from messaging.models import Message, Purpose, State
from messaging.segments import count_segments, unaccented
from tests.factories import RoleAssignmentFactory
from tests.factories_teams import MemberFactory, TeamFactory
from tests.factories_trainings import SessionFactory
from tests.pages import says
from tests.world import build_map
from trainings import texts
from trainings.models import Registration, TrainingSession
from trainings.registering import sign_up
from vietnamese.formats import money

pytestmark = pytest.mark.django_db
PRICE = 850
PHONES = ["+84912000001", "+84912000002", "+84912000003"]


@pytest.fixture(autouse=True)
def price(settings):
    settings.SMS_COST_PER_SEGMENT = PRICE


@pytest.fixture
def place():
    world = build_map("a", "b", teams=False)  # Bát Tràng, and Đa Tốn beside it in Hà Nội
    return {"commune": world["a"], "other": world["b"], "village": world["villages"]["a"]}


def officer_of(commune):
    return RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user


@pytest.fixture
def commune_officer_client(client, place):
    client.force_login(officer_of(place["commune"]))
    return client


def in_five_days():
    """14:00 local, on the minute as the form's fields give it back, and with both reminders
    inside the sending window whatever hour the tests run."""
    return (timezone.localtime() + timedelta(days=5)).replace(hour=14, minute=0, second=0, microsecond=0)


@pytest.fixture
def session_with_three(place):
    """Three people signed up; the third has since texted STOP."""
    session = SessionFactory(commune=place["commune"], starts_at=in_five_days())
    for n, phone in enumerate(PHONES):
        sign_up(session, full_name=f"Người {n}", phone=phone, language="vi")
    consent.mute(PHONES[2], "texted STOP")
    return session


def notices(kind):
    return Message.objects.filter(training_link__kind=kind)


def test_cancelling_shows_recipients_the_text_its_segments_and_cost_and_queues_nothing(
    commune_officer_client, session_with_three
):
    body = texts.cancelled(session_with_three, "vi")
    # Counted as sent: the text, then the opt-out link every text but a sign-in code ends with.
    segments = count_segments(optout.as_counted(optout.with_link(body, Purpose.NOTICE, "vi")))
    assert segments.encoding == "ucs2"

    page = commune_officer_client.get(f"/vi/team/trainings/{session_with_three.pk}/cancel/")

    assert page.status_code == 200
    html = page.content.decode()
    assert says(html, "2 người sẽ nhận tin nhắn.")
    assert says(html, "Thêm 1 người đã từ chối nhận tin")
    assert escape(body) in html
    assert f'data-encoding="ucs2" data-segments="{segments.segments}"' in html
    assert f"mỗi tin {segments.segments} phần" in html
    cost = money(2 * segments.segments * PRICE)
    assert f"Tổng cộng: 2 tin nhắn, {2 * segments.segments} phần, khoảng {cost}" in html
    # The cheaper variant is offered, with what it would cost.
    assert escape(unaccented(body)) in html
    plain = count_segments(unaccented(body)).segments
    assert f"khoảng {money(2 * plain * PRICE)}" in html
    session_with_three.refresh_from_db()
    assert session_with_three.status == TrainingSession.Status.SCHEDULED
    assert not notices("cancelled").exists()


def test_confirming_a_cancellation_twice_texts_each_person_once(commune_officer_client, session_with_three):
    url = f"/vi/team/trainings/{session_with_three.pk}/cancel/"
    assert commune_officer_client.post(url).status_code == 302
    assert commune_officer_client.post(url).status_code == 302

    assert sorted(notices("cancelled").values_list("recipient", flat=True)) == PHONES
    assert notices("cancelled").get(recipient=PHONES[2]).state == State.MUTED  # recorded, never sent
    assert TrainingSession.objects.get().status == TrainingSession.Status.CANCELLED


def test_a_session_that_texts_without_diacritics_shows_the_text_as_it_goes(
    commune_officer_client, session_with_three
):
    TrainingSession.objects.filter(pk=session_with_three.pk).update(unaccented_sms=True)
    session_with_three.refresh_from_db()

    page = commune_officer_client.get(f"/vi/team/trainings/{session_with_three.pk}/cancel/")

    sent = unaccented(texts.cancelled(session_with_three, "vi"))
    html = page.content.decode()
    assert escape(sent) in html
    assert 'data-encoding="gsm7"' in html
    assert "Nếu gửi không dấu" not in html  # nothing cheaper to offer


def enrol_team(place, size=3):
    team = TeamFactory(village=place["village"])
    members = MemberFactory.create_batch(size, team=team)
    session = SessionFactory(commune=place["commune"], audience="members", starts_at=in_five_days())
    return team, members, session


def test_enrolling_a_team_is_confirmed_first_and_sends_once_however_often_confirmed(
    commune_officer_client, place
):
    team, members, session = enrol_team(place)
    url = f"/vi/team/trainings/{session.pk}/"

    page = commune_officer_client.post(url, {"team": team.pk})

    assert page.status_code == 200
    preview = page.context["preview"]
    assert (preview.people, preview.sending.recipients, preview.sending.opted_out) == (3, 3, 0)
    # A confirmation now, and the reminders before the session: all of them priced.
    assert [t.purpose for t in preview.sending.texts] == ["notice", "reminder", "reminder"]
    html = page.content.decode()
    assert "3 người sẽ nhận tin nhắn." in html
    assert f"khoảng {money(preview.sending.segments * PRICE)}" in html
    assert f'name="team" value="{team.pk}"' in html  # the choice rides along to the confirmation
    assert not Registration.objects.exists()
    assert not Message.objects.exists()

    commune_officer_client.post(url, {"team": team.pk, "confirm_send": "1"})
    commune_officer_client.post(url, {"team": team.pk, "confirm_send": "1"})

    assert Registration.objects.filter(status="registered").count() == 3
    assert sorted(notices("confirmation").values_list("recipient", flat=True)) == sorted(
        m.phone for m in members
    )
    assert Message.objects.count() == preview.sending.messages


def test_going_back_from_the_enrolment_confirmation_keeps_the_choice(commune_officer_client, place):
    team, _members, session = enrol_team(place)

    page = commune_officer_client.post(
        f"/vi/team/trainings/{session.pk}/", {"team": team.pk, "back_to_form": "1"}
    )

    assert page.status_code == 200
    assert page.context["enrol_form"]["team"].value() == str(team.pk)
    assert f'<option value="{team.pk}" selected>' in page.content.decode()
    assert not Registration.objects.exists()


def moved_form(session, hours=2, **fields):
    start = timezone.localtime(session.starts_at) + timedelta(hours=hours)
    data = {
        "course": session.course_id,
        "audience": session.audience,
        "commune": session.commune_id,
        "village": "",
        "address": session.address,
        "online_url": "",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "trainer": session.trainer,
        "capacity": str(session.capacity),
    }
    return {**data, **fields}


def test_moving_a_session_shows_the_change_notice_then_sends_it_once(
    commune_officer_client, session_with_three
):
    url = f"/vi/team/trainings/{session_with_three.pk}/edit/"
    data = moved_form(session_with_three)
    starts_at = session_with_three.starts_at

    page = commune_officer_client.post(url, data)

    assert page.status_code == 200
    assert page.context["preview"].sending.recipients == 2
    moved = copy.copy(session_with_three)
    moved.starts_at = starts_at + timedelta(hours=2)
    assert escape(texts.moved(moved, "vi")) in page.content.decode()  # the new time, as it will be sent
    assert TrainingSession.objects.get().starts_at == starts_at
    assert not notices("moved").exists()

    back = commune_officer_client.post(url, {**data, "back_to_form": "1"})
    assert back.status_code == 200
    assert f'value="{data["starts_at"]}"' in back.content.decode()  # as typed, still unsaved
    assert TrainingSession.objects.get().starts_at == starts_at

    commune_officer_client.post(url, {**data, "confirm_send": "1"})
    commune_officer_client.post(url, {**data, "confirm_send": "1"})
    assert TrainingSession.objects.get().starts_at == starts_at + timedelta(hours=2)
    assert sorted(notices("moved").values_list("recipient", flat=True)) == PHONES


def test_a_change_that_texts_nobody_is_saved_at_once(commune_officer_client, session_with_three):
    response = commune_officer_client.post(
        f"/vi/team/trainings/{session_with_three.pk}/edit/",
        moved_form(session_with_three, hours=0, trainer="Lê Thị Hoa"),
    )
    assert response.status_code == 302
    assert TrainingSession.objects.get().trainer == "Lê Thị Hoa"


def test_more_places_shows_the_texts_to_those_promoted_from_the_waiting_list(commune_officer_client, place):
    session = SessionFactory(commune=place["commune"], capacity=1, starts_at=in_five_days())
    for phone in PHONES:
        sign_up(session, full_name="Người", phone=phone, language="vi")

    page = commune_officer_client.post(
        f"/vi/team/trainings/{session.pk}/edit/", moved_form(session, hours=0, capacity="2")
    )

    preview = page.context["preview"]
    assert (preview.people, preview.sending.recipients) == (1, 1)
    assert escape(texts.promoted(session, "vi")) in page.content.decode()
    assert Registration.objects.filter(status="waiting").count() == 2


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "cancel/", {}),
        ("post", "cancel/", {}),
        ("post", "", {"team": "0", "confirm_send": "1"}),
        ("post", "edit/", {"confirm_send": "1"}),
    ],
)
def test_an_officer_of_another_commune_neither_sees_nor_sends(
    client, place, session_with_three, method, path, data
):
    client.force_login(officer_of(place["other"]))
    response = getattr(client, method)(f"/vi/team/trainings/{session_with_three.pk}/{path}", data)
    assert response.status_code == 404
    assert not notices("cancelled").exists()
    assert not notices("moved").exists()


# THE WAGTAIL ADMIN


def admin_officer(commune):
    user = officer_of(commune)
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_trainingsession", "change_trainingsession"]
        )
    )
    return user


def admin_form(session, hours=2):
    start = timezone.localtime(session.starts_at) + timedelta(hours=hours)
    return {
        **moved_form(session, hours=hours),
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
    }


def test_moving_a_session_in_the_admin_asks_for_confirmation_first(client, place, session_with_three):
    client.force_login(admin_officer(place["commune"]))
    url = f"/admin/trainings/sessions/edit/{session_with_three.pk}/"
    data = admin_form(session_with_three)
    starts_at = session_with_three.starts_at

    page = client.post(url, data)

    assert page.status_code == 200
    assert next(t.name for t in page.templates) == "trainings/admin/confirm_send.html"
    html = page.content.decode()
    assert says(html, "2 người sẽ nhận tin nhắn.")
    assert says(html, "Thêm 1 người đã từ chối nhận tin")
    assert f"khoảng {money(page.context['preview'].sending.cost)}" in html
    assert TrainingSession.objects.get().starts_at == starts_at
    assert not notices("moved").exists()

    back = client.post(url, {**data, "back_to_form": "1"})
    assert back.status_code == 200
    assert back.context["form"]["starts_at"].value() == data["starts_at"]
    assert TrainingSession.objects.get().starts_at == starts_at

    assert client.post(url, {**data, "confirm_send": "1"}).status_code == 302
    client.post(url, {**data, "confirm_send": "1"})
    assert TrainingSession.objects.get().starts_at == starts_at + timedelta(hours=2)
    assert notices("moved").count() == 3


def test_the_admin_confirmation_is_out_of_reach_of_another_commune(client, place, session_with_three):
    client.force_login(admin_officer(place["other"]))
    url = f"/admin/trainings/sessions/edit/{session_with_three.pk}/"
    response = client.post(url, {**admin_form(session_with_three), "confirm_send": "1"}, follow=True)
    assert response.status_code == 404
    assert not notices("moved").exists()
