"""Every export or download of personal data writes one access-log row: who, which scope, what,
and as many rows as the file holds; only the national administrator reads the log."""

import csv
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AccessLogEntry, Role
from rosters.models import RosterImport
from tests.factories import RoleAssignmentFactory
from tests.pages import sent_to_admin_home

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def province_officer(client, privacy_people):
    user = RoleAssignmentFactory(
        role=Role.PROVINCE_OFFICER, province=privacy_people.team.commune.province
    ).user
    client.force_login(user)
    return user


def data_rows(response):
    """Rows of data in a downloaded CSV or single-sheet XLSX (header excluded)."""
    if response["Content-Type"].startswith("text/csv"):
        return len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) - 1
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return sheet.max_row - 1


def export_urls(people):
    """Every download of personal data an officer has on main, with the rows it holds in the
    privacy layer's world (None: counted from the file itself)."""
    month = people.log.held_on.strftime("%Y-%m")
    commune, province = people.team.commune, people.team.commune.province
    urls = [
        (reverse("rosters:export", args=[what, fmt]), what, None)
        for what in ("members", "teams", "logs", "attendance")
        for fmt in ("xlsx", "csv")
    ]
    urls.append((reverse("training_attendance_sheet", args=[people.session.pk, "xlsx"]), "attendance", None))
    # A commune's report: one team row and its one log; a province's: one commune row, one team row.
    urls.append(
        (
            reverse("reporting:monthly_report", args=["commune", commune.pk]) + f"?month={month}",
            "monthly_report",
            2,
        )
    )
    urls.append(
        (
            reverse("reporting:monthly_report", args=["province", province.pk]) + f"?month={month}",
            "monthly_report",
            2,
        )
    )
    return urls


def test_each_export_writes_one_log_row_with_its_row_count(client, province_officer, privacy_people):
    for url, what, expected in export_urls(privacy_people):
        before = AccessLogEntry.objects.count()
        response = client.get(url)
        assert response.status_code == 200, url
        assert AccessLogEntry.objects.count() == before + 1, url
        entry = AccessLogEntry.objects.first()
        rows = expected if expected is not None else data_rows(response)
        assert (entry.user, entry.what, entry.scope, entry.rows) == (
            province_officer,
            what,
            f"province:{privacy_people.team.commune.province_id}",
            rows,
        ), url
    assert AccessLogEntry.objects.filter(what="members").first().rows == 2  # Lan and Hưng


def test_an_imports_file_and_error_file_are_logged_with_the_rows_read(client, province_officer):
    job = RosterImport(
        kind="members",
        original_name="to.csv",
        created_by=province_officer,
        summary={"totals": {"new": 3, "errors": 1}, "errors": [], "sheets": []},
    )
    job.file.save("to.csv", ContentFile("Họ và tên,Số điện thoại\nA,0912000333\n".encode()), save=False)
    # The workbook a worker builds after the preview (rosters/jobs.py).
    job.errors_file.save("errors.xlsx", ContentFile(b"the officer's rows and their errors"), save=False)
    job.save()
    assert client.get(reverse("rosters:errors", args=[job.pk])).status_code == 200
    assert client.get(reverse("rosters:file", args=[job.pk])).status_code == 200
    entries = AccessLogEntry.objects.order_by("pk")
    assert [(entry.what, entry.rows, entry.detail) for entry in entries] == [
        ("roster_errors", 4, f"import {job.pk}"),
        ("roster_file", 4, f"import {job.pk}"),
    ]


def test_only_the_national_administrator_reads_the_access_log(client, province_officer, privacy_people):
    client.get(reverse("rosters:export", args=["members", "csv"]))
    assert sent_to_admin_home(client.get(reverse("access_log:index")))
    client.force_login(RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user)
    page = client.get(reverse("access_log:index")).content.decode()
    assert province_officer.email in page
    assert "members" in page
