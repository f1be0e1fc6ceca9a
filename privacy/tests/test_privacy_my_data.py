"""'My data': a person signed in by a texted code sees, downloads and corrects what is held about
their number, gives or withdraws consent, and asks for deletion; never anyone else's."""

import io
import json
import unicodedata

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AccessLogEntry
from messaging.models import PENDING_STATES, ConsentMethod, ConsentRecord, Message, Purpose, State
from privacy.models import RightsRequest
from teams.models import Member
from tests.sign_in_steps import sign_in_by_code
from tests.world.privacy import HUNG_PHONE, LAN_PHONE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def lan_client(client, privacy_people, capsys, django_capture_on_commit_callbacks):
    sign_in_by_code(client, "0912 000 111", capsys, django_capture_on_commit_callbacks)
    return client


def test_lan_sees_everything_held_about_her_number_and_nothing_of_hung(lan_client, privacy_people):
    page = lan_client.get(reverse("privacy:my_data")).content.decode()
    assert "Phạm Thị Xuân Lan" in page
    assert privacy_people.team.name in page
    assert "Sử dụng VNeID" in page  # her training registration's course
    assert privacy_people.log.held_on.strftime("%d/%m/%Y") in page
    assert "secret-lan" not in page
    assert "••••••" in page
    assert "Đỗ Quang Hưng" not in page
    assert "0912 000 222" not in page
    assert "secret-hung" not in page


def test_a_session_that_did_not_prove_the_phone_by_a_code_is_sent_to_prove_it(client, privacy_people):
    client.force_login(privacy_people.lan)  # e.g. a password or an invitation: the number was not proven here
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 302
    assert response["Location"] == reverse("phone_proof:ask", kwargs={"door": "my-data"})
    assert client.get(reverse("privacy:download", args=["json"])).status_code == 302
    assert not AccessLogEntry.objects.exists()


def test_the_json_download_holds_her_data_only_and_is_logged(lan_client, privacy_people):
    response = lan_client.get(reverse("privacy:download", args=["json"]))
    data = json.loads(response.content)
    assert data["phone"] == LAN_PHONE
    assert [m["name"] for m in data["members"]] == ["Phạm Thị Xuân Lan"]
    assert {r["name"] for r in data["registrations"]} == {"Phạm Thị Xuân Lan"}
    assert len(data["messages"]) == len(Message.objects.filter(recipient=LAN_PHONE))
    assert HUNG_PHONE not in response.content.decode()
    assert "Hưng" not in response.content.decode()
    rows = sum(len(value) for key, value in data.items() if key != "phone")
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.what, entry.scope, entry.rows) == (privacy_people.lan, "my_data", "self", rows)


def test_the_xlsx_download_has_a_sheet_per_section(lan_client):
    response = lan_client.get(reverse("privacy:download", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    members = (
        workbook["Tư cách thành viên tổ"] if "Tư cách thành viên tổ" in workbook else workbook.worksheets[1]
    )
    assert members.cell(2, 1).value == "Phạm Thị Xuân Lan"
    assert AccessLogEntry.objects.get().detail == "xlsx"


def test_she_corrects_her_name_typed_decomposed_and_it_is_stored_composed(lan_client, privacy_people):
    typed = unicodedata.normalize("NFD", "Phạm Thị Xuân  Lanh")
    lan_client.post(
        reverse("privacy:correct_name"), {"full_name": typed, "member": privacy_people.hung_member.pk}
    )
    privacy_people.lan.refresh_from_db()
    assert privacy_people.lan.full_name == "Phạm Thị Xuân Lanh"
    assert Member.objects.get(pk=privacy_people.lan_member.pk).full_name == "Phạm Thị Xuân Lanh"
    assert (
        Member.objects.get(pk=privacy_people.hung_member.pk).full_name == "Đỗ Quang Hưng"
    )  # the posted id reached nothing
    correction = RightsRequest.objects.get(kind=RightsRequest.Kind.CORRECTION)
    assert (correction.status, correction.channel) == (RightsRequest.Status.DONE, ConsentMethod.SELF_SERVICE)


def test_a_name_with_digits_is_refused_with_a_clear_message_and_nothing_changes(lan_client, privacy_people):
    response = lan_client.post(reverse("privacy:correct_name"), {"full_name": "Lan 0912"}, follow=True)
    assert (
        "Write your name in letters only" in response.content.decode()
        or "bằng chữ" in response.content.decode()
    )
    privacy_people.lan.refresh_from_db()
    assert privacy_people.lan.full_name == "Phạm Thị Xuân Lan"


def test_withdrawing_reminder_consent_is_recorded_as_self_service_and_clears_pending_reminders(
    lan_client, privacy_people
):
    pending = Message.objects.filter(recipient=LAN_PHONE, purpose=Purpose.REMINDER, state__in=PENDING_STATES)
    assert pending.exists()
    lan_client.post(reverse("privacy:change_consent"), {"purpose": Purpose.REMINDER, "granted": "0"})
    latest = ConsentRecord.objects.filter(phone=LAN_PHONE, purpose=Purpose.REMINDER).first()
    assert (latest.granted, latest.method) == (False, ConsentMethod.SELF_SERVICE)
    assert not pending.exists()
    assert Message.objects.filter(
        recipient=HUNG_PHONE, purpose=Purpose.REMINDER, state=State.SCHEDULED
    ).exists()
    page = lan_client.get(reverse("privacy:my_data")).content.decode()
    assert "Give consent" in page or "Đồng ý" in page
    lan_client.post(reverse("privacy:change_consent"), {"purpose": Purpose.REMINDER, "granted": "1"})
    assert ConsentRecord.objects.filter(phone=LAN_PHONE, purpose=Purpose.REMINDER).first().granted


def test_asking_for_deletion_twice_makes_one_request_placed_in_her_commune(lan_client, privacy_people):
    lan_client.post(reverse("privacy:ask_deletion"))
    lan_client.post(reverse("privacy:ask_deletion"))
    request = RightsRequest.objects.get(kind=RightsRequest.Kind.DELETION)
    assert (request.phone, request.commune, request.status) == (
        LAN_PHONE,
        privacy_people.team.commune,
        "received",
    )
    assert request.actions.get().action == "received"
    page = lan_client.get(reverse("privacy:my_data")).content.decode()
    assert "being handled" in page or "đang được xử lý" in page
