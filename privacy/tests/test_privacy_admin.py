"""The data requests queue, in-person consent and the breach register in the admin: scoped, with
their legal clocks, every action recorded."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from messaging.models import PENDING_STATES, ConsentMethod, ConsentRecord, Message, MutedNumber, Purpose
from messaging.outbox import has_consent
from privacy import clocks
from privacy.models import Breach, RightsRequest
from privacy.requests import open_request
from tests.factories import CommuneFactory, RoleAssignmentFactory
from tests.pages import sent_to_admin_home
from tests.world.privacy import LAN_PHONE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]
VN = ZoneInfo("Asia/Ho_Chi_Minh")
FRIDAY_4PM = datetime(2026, 11, 20, 16, 0, tzinfo=VN)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (FRIDAY_4PM, datetime(2026, 11, 25, 0, 0, tzinfo=VN)),  # Monday and Tuesday count
        (datetime(2026, 11, 21, 9, 0, tzinfo=VN), datetime(2026, 11, 25, 0, 0, tzinfo=VN)),  # Saturday
        (
            datetime(2026, 11, 25, 23, 50, tzinfo=VN),
            datetime(2026, 11, 28, 0, 0, tzinfo=VN),
        ),  # Wednesday night
        # 00:30 on the 1st, Vietnam time, is still the 30th in UTC: the day counted is the 1st (a Tuesday).
        (datetime(2026, 12, 1, 0, 30, tzinfo=VN), datetime(2026, 12, 4, 0, 0, tzinfo=VN)),
    ],
)
def test_acknowledgement_is_due_at_the_end_of_the_second_working_day(received, due):
    assert clocks.acknowledge_due(received.astimezone(ZoneInfo("UTC"))) == due


def request_in(commune, received_at=FRIDAY_4PM, kind=RightsRequest.Kind.ACCESS, **fields):
    return open_request(
        kind,
        phone=fields.pop("phone", "+84912999000"),
        full_name="Người Yêu Cầu",
        channel=ConsentMethod.PHONE_CALL,
        commune=commune,
        received_at=received_at,
        **fields,
    )


def test_an_unacknowledged_request_is_highlighted_once_its_two_working_days_have_passed(
    client, privacy_people
):
    commune = privacy_people.team.commune
    late = request_in(commune)
    answered = request_in(commune)
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    with time_machine.travel(datetime(2026, 11, 24, 23, 0, tzinfo=VN)):
        assert "overdue" not in client.get(reverse("data_requests:index")).content.decode()
        client.post(reverse("privacy_request_act", args=[answered.pk]), {"action": "acknowledged"})
    with time_machine.travel(datetime(2026, 11, 25, 0, 30, tzinfo=VN)):
        page = client.get(reverse("data_requests:index")).content.decode()
    assert page.count('class="overdue') == 1
    assert late.overdue(datetime(2026, 11, 25, 0, 30, tzinfo=VN)) == "acknowledge"
    answered.refresh_from_db()
    assert answered.overdue(datetime(2026, 11, 25, 0, 30, tzinfo=VN)) is None


def test_a_withdrawal_of_consent_is_overdue_after_fifteen_days_even_when_acknowledged(client, privacy_people):
    withdrawal = request_in(privacy_people.team.commune, kind=RightsRequest.Kind.WITHDRAWAL)
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=privacy_people.team.commune).user
    client.force_login(officer)
    client.post(reverse("privacy_request_act", args=[withdrawal.pk]), {"action": "acknowledged"})
    withdrawal.refresh_from_db()
    assert withdrawal.overdue(datetime(2026, 12, 5, 15, 0, tzinfo=VN)) is None
    assert withdrawal.overdue(datetime(2026, 12, 5, 16, 1, tzinfo=VN)) == "complete"
    client.post(reverse("privacy_request_act", args=[withdrawal.pk]), {"action": "done", "note": "Đã gỡ"})
    withdrawal.refresh_from_db()
    actions = [(a.action, a.by, a.note) for a in withdrawal.actions.all()]
    assert actions == [("received", None, ""), ("acknowledged", officer, ""), ("done", officer, "Đã gỡ")]
    assert withdrawal.overdue(datetime(2027, 1, 1, tzinfo=VN)) is None


def test_an_officer_never_reaches_a_request_of_another_province(client, privacy_people):
    elsewhere = request_in(CommuneFactory())
    mine = request_in(privacy_people.team.commune)
    client.force_login(
        RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=privacy_people.team.commune).user
    )
    listing = client.get(reverse("data_requests:index")).content.decode()
    assert f"#{mine.pk} " in listing
    assert f"#{elsewhere.pk} " not in listing
    # follow: LocaleMiddleware answers an admin 404 with a redirect to /vi/…, also a 404.
    assert client.get(reverse("data_requests:inspect", args=[elsewhere.pk]), follow=True).status_code == 404
    for action in ("acknowledged", "erased"):
        response = client.post(
            reverse("privacy_request_act", args=[elsewhere.pk]), {"action": action}, follow=True
        )
        assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert (elsewhere.status, elsewhere.actions.count()) == ("received", 1)


def test_an_officer_records_a_request_made_in_person_only_in_their_own_units(client, privacy_people):
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=privacy_people.team.commune).user
    client.force_login(officer)
    form = {
        "kind": "correction",
        "channel": "in_person",
        "received_at": "2026-11-20 09:00",
        "full_name": "Lò Văn Páo",
        "phone": "0912 999 001",
        "detail": "Sai năm sinh",
    }
    response = client.post(reverse("privacy_record_request"), {**form, "commune": CommuneFactory().pk})
    assert response.status_code == 200
    assert "commune" in response.context["form"].errors
    assert not RightsRequest.objects.exists()
    response = client.post(
        reverse("privacy_record_request"), {**form, "commune": privacy_people.team.commune.pk}
    )
    request = RightsRequest.objects.get()
    assert response["Location"] == reverse("data_requests:inspect", args=[request.pk])
    assert (request.phone, request.channel, request.recorded_by) == ("+84912999001", "in_person", officer)
    assert request.actions.get().by == officer


def test_an_opt_out_given_on_paper_mutes_the_number_as_a_stop_text_does(client, privacy_people):
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=privacy_people.team.commune).user
    client.force_login(officer)
    reminders = Message.objects.filter(
        recipient=LAN_PHONE, purpose=Purpose.REMINDER, state__in=PENDING_STATES
    )
    assert reminders.exists()
    given_on = timezone.localdate()
    response = client.post(
        reverse("privacy_record_consent"),
        {
            "phone": "0912 000 111",
            "choice": "opt_out",
            "method": "paper",
            "given_on": given_on.isoformat(),
            "note": "Phiếu số 12",
        },
    )
    assert response.status_code == 302
    assert MutedNumber.objects.filter(phone=LAN_PHONE).exists()
    assert not reminders.exists()  # cleared, as after STOP
    record = ConsentRecord.objects.filter(phone=LAN_PHONE, purpose=Purpose.REMINDER).first()
    assert (record.granted, record.method, record.recorded_by, record.note) == (
        False,
        ConsentMethod.PAPER,
        officer,
        "Phiếu số 12",
    )
    assert record.recorded_at.astimezone(VN).date() == given_on
    assert not has_consent(LAN_PHONE, Purpose.REMINDER)


def test_consent_for_a_number_outside_the_officers_units_is_refused(client, privacy_people):
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=CommuneFactory()).user)
    response = client.post(
        reverse("privacy_record_consent"),
        {"phone": "0912 000 111", "choice": "opt_out", "method": "phone_call", "given_on": "2026-11-02"},
    )
    assert "phone" in response.context["form"].errors
    assert not MutedNumber.objects.exists()


def test_the_breach_register_is_for_the_national_administrator_with_its_72_hour_clock(client, privacy_people):
    client.force_login(
        RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=privacy_people.team.commune.province).user
    )
    assert sent_to_admin_home(client.get(reverse("data_breaches:index")))
    assert sent_to_admin_home(client.get(reverse("data_breaches:add")))
    admin = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    client.force_login(admin)
    with time_machine.travel(datetime(2026, 11, 20, 8, 0, tzinfo=VN)):
        response = client.post(
            reverse("data_breaches:add"),
            {
                "what": "Danh sách thành viên gửi nhầm nhóm Zalo",
                "discovered_at": "2026-11-20 08:00",
                "people_affected": "42",
                "scope": "Họ tên, số điện thoại; Xã Bát Tràng",
                "measures": "Thu hồi tin nhắn, báo các thành viên",
            },
        )
        assert response.status_code == 302
        page = client.get(reverse("data_breaches:index")).content.decode()
        assert "23/11/2026 08:00" in page
        assert 'class="overdue' not in page
    breach = Breach.objects.get()
    assert breach.recorded_by == admin
    with time_machine.travel(datetime(2026, 11, 23, 8, 1, tzinfo=VN)):
        assert 'class="overdue' in client.get(reverse("data_breaches:index")).content.decode()


def test_a_requests_times_are_in_vietnam_time_and_a_new_one_reads_as_received(clock, client, privacy_people):
    """Issue 22: "Thời điểm tiếp nhận 06:05" while its history said 13:05, and a new request's
    status read "thời điểm nhận" (a time, from another screen's word). The clock is stopped at
    09:00: at 06:05 in Vietnam the history's own entry, written now, showed "06:05"."""
    request = request_in(privacy_people.team.commune, received_at=datetime(2026, 11, 20, 13, 5, tzinfo=VN))
    client.force_login(
        RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=privacy_people.team.commune).user
    )
    page = client.get(reverse("data_requests:inspect", args=[request.pk])).content.decode()
    assert "20/11/2026 13:05" in page
    assert "06:05" not in page
    assert "mới tiếp nhận" in page
    assert "thời điểm nhận" not in page
    listing = client.get(reverse("data_requests:index")).content.decode()
    assert "mới tiếp nhận" in listing
