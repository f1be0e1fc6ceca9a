"""A roster preview nobody confirms does not wait for ever: it expires and its files go.

A preview with rows to fix can never be confirmed; it used to read "chờ xác nhận" in the officer's
list until the retention period, holding the error workbook (names and phones) all that time.
"""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from rosters import jobs
from rosters.models import RosterImport
from rosters.tests.test_roster_admin import upload
from tests.factories_rosters import roster_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
GOOD_ROWS = [["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"]]
BAD_ROWS = [["Trần Thị Hoà", "091234", "Tổ phó", "Bí thư Đoàn", "Thôn Đông", "Xã Tân Lập"]]
# Uploaded at 23:50 on 31 October, Hanoi time: the edge where day and month arithmetic slips.
UPLOADED = datetime(2026, 10, 31, 23, 50, tzinfo=HANOI)


def _files_under(root):
    return [path for path in Path(root).rglob("*") if path.is_file()]


def _listed_status(client):
    page = client.get(reverse("rosters:index")).content.decode()
    return page.split("danh sach.xlsx</a></td>")[1].split("</tr>")[0]


def test_a_preview_with_rows_to_fix_says_so_not_that_it_waits_for_confirmation(officer_client):
    upload(officer_client, roster_xlsx(GOOD_ROWS + BAD_ROWS))
    job = RosterImport.objects.get()
    assert job.status == RosterImport.Status.PREVIEWED
    assert not job.can_confirm
    listed = _listed_status(officer_client)
    assert "chưa nhập: hãy sửa tệp rồi tải lên lại" in listed
    assert "chờ xác nhận" not in listed


@pytest.mark.parametrize("rows", [GOOD_ROWS, GOOD_ROWS + BAD_ROWS], ids=["confirmable", "with-errors"])
def test_an_unconfirmed_preview_expires_after_a_week_and_its_files_are_deleted(
    officer_client, settings, rows
):
    with time_machine.travel(UPLOADED, tick=False):
        upload(officer_client, roster_xlsx(rows))
    job = RosterImport.objects.get()
    assert _files_under(settings.PRIVATE_MEDIA_ROOT)  # the upload, or the error workbook

    with time_machine.travel(UPLOADED + timedelta(days=6, hours=23), tick=False):
        jobs.expire_roster_previews()
    job.refresh_from_db()
    assert job.status == RosterImport.Status.PREVIEWED

    with time_machine.travel(UPLOADED + timedelta(days=7, minutes=1), tick=False):
        jobs.expire_roster_previews()
    job.refresh_from_db()
    assert job.status == RosterImport.Status.EXPIRED
    assert not job.file
    assert not job.errors_file
    assert _files_under(settings.PRIVATE_MEDIA_ROOT) == []
    assert "đã hết hạn: chưa nhập" in _listed_status(officer_client)
    # Confirming it afterwards writes nothing.
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == RosterImport.Status.EXPIRED


def test_an_imported_file_is_not_expired_as_a_preview(officer_client):
    with time_machine.travel(UPLOADED, tick=False):
        upload(officer_client, roster_xlsx(GOOD_ROWS))
        officer_client.post(reverse("rosters:confirm", args=[RosterImport.objects.get().pk]))
    with time_machine.travel(UPLOADED + timedelta(days=8), tick=False):
        jobs.expire_roster_previews()
    job = RosterImport.objects.get()
    assert job.status == RosterImport.Status.DONE
    assert job.file


def test_expiring_previews_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "rosters.jobs.expire_roster_previews" in tasks
