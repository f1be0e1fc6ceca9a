"""A team's leader imports their own sessions kept in Excel from the team area: the officers'
importer (same template, preview, each cell to fix, all or nothing, the same file twice adds
nothing), planned inside the leader's own team: a row naming another team's village, or a
village of another commune, is an error on that cell."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from rosters.models import RosterImport
from teams.models import AssistanceLog, Member
from teams.tests.test_logs_import import GOOD, HEADER, logs_xlsx
from tests.factories_teams import MemberFactory, account_of, leader_of
from tests.sessions import tasks_run_as_requests_end

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]

DONG = [row for row in GOOD if row[1] != "thon tay"]  # Thôn Đông's two sessions


@pytest.fixture
def leader(teams):
    return leader_of(teams["Thôn Đông"], full_name="Nguyễn Văn Hùng")


@pytest.fixture
def leader_client(client, leader, django_capture_on_commit_callbacks):
    """The leader's phone; tasks queued on commit run as each request ends, as a worker would."""
    client.force_login(leader)
    return tasks_run_as_requests_end(client, django_capture_on_commit_callbacks)


def _upload(client, data, name="so theo doi.xlsx"):
    return client.post(reverse("teams:log_import"), {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_a_leader_imports_their_teams_month_and_the_same_file_adds_nothing(leader_client, leader, teams):
    home = leader_client.get(reverse("teams:home")).content.decode()
    assert reverse("teams:log_import") in home
    preview = _upload(leader_client, logs_xlsx(DONG))
    job = RosterImport.objects.get()
    assert (job.kind, job.status, job.created_by) == ("team_logs", "previewed", leader)
    assert "2 buổi sẽ được thêm." in preview.content.decode()
    assert not AssistanceLog.objects.exists()  # the preview writes nothing
    done = leader_client.post(reverse("teams:log_import_confirm", args=[job.pk]), follow=True)
    assert "Đã thêm 2 buổi hỗ trợ." in done.content.decode()
    logs = list(AssistanceLog.objects.order_by("held_on"))
    assert [(log.team, log.held_on, log.citizens_helped, log.created_by) for log in logs] == [
        (teams["Thôn Đông"], datetime.date(2026, 11, 3), 14, leader),
        (teams["Thôn Đông"], datetime.date(2026, 11, 20), 5, leader),
    ]
    again = _upload(leader_client, logs_xlsx(DONG))
    assert "Tệp không thay đổi gì" in again.content.decode()
    assert 'id="import-confirm"' not in again.content.decode()
    assert AssistanceLog.objects.count() == 2


def test_another_teams_village_and_another_commune_are_errors_on_their_cells(leader_client, teams, places):
    rows = [
        DONG[0],
        ["05/11/2026", "Thôn Tây", 5, None, None, "VNeID", None, None],  # row 5: the other team of Tân Lập
    ]
    preview = _upload(leader_client, logs_xlsx(rows)).content.decode()
    job = RosterImport.objects.get()
    errors = [(error["row"], error["column"], error["message"]) for error in job.summary["errors"]]
    assert errors == [
        (
            5,
            "C (Thôn)",
            "Thôn Tây do tổ khác phụ trách: ở đây chỉ nhập các buổi hỗ trợ của tổ bạn.",
        )
    ]
    assert "Thôn Tây do tổ khác phụ trách" in preview
    assert 'id="import-confirm"' not in preview
    assert leader_client.post(reverse("teams:log_import_confirm", args=[job.pk])).status_code == 302
    assert not AssistanceLog.objects.exists()  # all or nothing: Thôn Đông's good row waits too

    in_lao_cai = logs_xlsx([[places[3].name, *DONG[0]]], header=["STT", "Xã", *HEADER[1:]])
    _upload(leader_client, in_lao_cai)
    job = RosterImport.objects.latest("pk")
    assert [error["column"] for error in job.summary["errors"]] == ["B (Xã)"]
    assert not AssistanceLog.objects.exists()


@pytest.mark.parametrize("change", ["no longer leads", "leads another team now"])
def test_a_leader_replaced_after_the_preview_imports_nothing(leader_client, leader, teams, change):
    _upload(leader_client, logs_xlsx(DONG))
    job = RosterImport.objects.get()
    if change == "no longer leads":
        Member.objects.filter(user=leader).update(role=Member.TeamRole.MEMBER)
    else:  # the team is planned again at the confirm, from what the person leads then
        Member.objects.filter(user=leader).update(team=teams["Thôn Tây"])
    leader_client.post(reverse("teams:log_import_confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "previewed"
    assert not AssistanceLog.objects.exists()


def test_only_a_leader_imports_and_only_their_own_file_opens(client, leader_client, leader, teams):
    _upload(leader_client, logs_xlsx(DONG))
    job = RosterImport.objects.get()
    member = account_of(MemberFactory(team=teams["Thôn Đông"], role=Member.TeamRole.MEMBER))
    other_leader = leader_of(teams["Thôn Tây"])
    for user, upload_status in ((member, 403), (other_leader, 302)):
        client.force_login(user)
        answer = client.post(
            reverse("teams:log_import"), {"file": SimpleUploadedFile("x.xlsx", logs_xlsx(DONG))}
        )
        assert answer.status_code == upload_status
        assert client.get(reverse("teams:log_import_job", args=[job.pk])).status_code == 404
        assert client.post(reverse("teams:log_import_confirm", args=[job.pk])).status_code == 404
    assert RosterImport.objects.filter(created_by=member).count() == 0
    assert not AssistanceLog.objects.exists()


def test_the_template_is_the_officers_one(leader_client):
    response = leader_client.get(reverse("teams:log_import_template"))
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "SỔ THEO DÕI CÁC BUỔI HỖ TRỢ NGƯỜI DÂN"


def test_the_admin_does_not_offer_the_leaders_kind(officer_client):
    page = officer_client.get(reverse("rosters:index")).content.decode()
    assert 'value="logs"' in page
    assert 'value="team_logs"' not in page
