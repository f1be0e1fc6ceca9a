"""Uploaded rosters are personal files: private, short-lived, bounded, and never stuck "checking".

Each test replays what an attacker or an unlucky officer did on the demo (issue 11): fetching
/media/rosters/…, reading another province's file by its id, a small crafted file that made a web
worker build a 355 MB workbook, a 480,000-bad-row file whose summary slowed every admin page.
"""

import importlib
import io
import json
import re
import tracemalloc
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.files.storage import storages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches, reverse
from openpyxl import Workbook, load_workbook

from accounts.models import Role
from rosters import jobs
from rosters.models import RosterImport
from rosters.outcome import Plan
from rosters.tables import RowError
from rosters.tests.test_roster_admin import upload
from teams.models import Member
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.factories_rosters import (
    commune_officer,
    province_officer,
    roster_xlsx,
    workbook_bytes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
GOOD_ROWS = [["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"]]
BAD_ROWS = [["Trần Thị Hoà", "091234", "Tổ phó", "Bí thư Đoàn", "Thôn Đông", "Xã Tân Lập"]]


def _admin(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _files_under(root):
    return [path for path in Path(root).rglob("*") if path.is_file()]


def _bad_rows_csv(count):
    lines = "".join(f"Người {number},09{number},Thôn Đông,Xã Tân Lập\n" for number in range(count))
    return ("Họ và tên,SĐT,Thôn,Xã\n" + lines).encode()


def test_an_upload_is_kept_privately_under_a_random_name(officer_client, settings):
    upload(officer_client, roster_xlsx(GOOD_ROWS), name="Danh sách Tân Lập.xlsx")

    job = RosterImport.objects.get()
    assert re.fullmatch(r"rosters/[0-9a-f]{32}", job.file.name)
    assert job.original_name == "Danh sách Tân Lập.xlsx"
    assert Path(job.file.path).is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert _files_under(settings.MEDIA_ROOT) == []
    with pytest.raises(ValueError, match="no URL"):
        storages["private"].url(job.file.name)


@pytest.fixture
def site_serving_media(settings):
    """config.urls as DJANGO_SERVE_MEDIA=1 builds it (the embedded demo), restored afterwards."""
    import config.urls

    settings.SERVE_MEDIA = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.mark.usefixtures("site_serving_media")
def test_no_media_url_reaches_an_upload_even_when_media_is_served(officer_client, client, settings):
    upload(officer_client, roster_xlsx(GOOD_ROWS))
    name = RosterImport.objects.get().file.name
    (Path(settings.MEDIA_ROOT) / "logo.png").parent.mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "logo.png").write_bytes(b"png")
    client.logout()

    assert client.get("/media/logo.png").getvalue() == b"png"  # media is served…
    # …but an upload is not media: not found, and a path climbing out of media is a bad request.
    for url, status in (
        (f"/media/{name}", 404),
        (f"/media/../private-media/{name}", 400),
        ("/media/rosters/", 404),
    ):
        assert client.get(url, follow=True).status_code == status, url


@pytest.mark.urls("tests.urls_with_media")
def test_the_browser_tests_media_route_does_not_reach_uploads_either(officer_client):
    upload(officer_client, roster_xlsx(GOOD_ROWS))
    name = RosterImport.objects.get().file.name
    assert officer_client.get(f"/media/{name}", follow=True).status_code == 404


def test_files_download_only_as_attachments_to_their_officer_or_a_national_admin(
    officer_client, client, places
):
    upload(officer_client, roster_xlsx(GOOD_ROWS), name="tan lap.xlsx")
    job = RosterImport.objects.get()
    own = officer_client.get(reverse("rosters:file", args=[job.pk]))
    assert own["Content-Disposition"] == 'attachment; filename="tan lap.xlsx"'
    content = own.getvalue()
    assert load_workbook(io.BytesIO(content)).active["B6"].value == "Nguyễn Văn An"

    for intruder in (
        province_officer(places[3].province),  # another province
        commune_officer(places[2]),  # another commune of the same province
    ):
        client.force_login(_admin(intruder))
        for view in ("rosters:file", "rosters:errors", "rosters:detail"):
            assert client.get(reverse(view, args=[job.pk]), follow=True).status_code == 404

    national = _admin(UserFactory(is_staff=True))
    RoleAssignmentFactory(user=national, role=Role.NATIONAL_ADMIN)
    client.force_login(national)
    assert client.get(reverse("rosters:file", args=[job.pk])).getvalue() == content


def _zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "Đây không phải bảng tính"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "Tệp XLSX bị hỏng"),
        (_zip_bomb(), "được giải nén ra nhiều dữ liệu"),
    ],
    ids=["garbage", "malformed-xlsx", "zip-bomb"],
)
def test_an_unreadable_upload_fails_with_a_clear_message_and_is_deleted(
    officer_client, settings, data, message
):
    page = upload(officer_client, data, name="anh.xlsx")

    job = RosterImport.objects.get()
    assert job.status == RosterImport.Status.FAILED
    text = page.content.decode()
    assert "chưa nhập được" in text
    assert message in text
    assert "Xác nhận và nhập" not in text
    assert not job.file
    assert _files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_file_the_readers_choke_on_marks_the_job_failed_not_checking(officer_client, officer):
    """A damaged upload that raises something no reader expects (here: the stored file is gone)."""
    job = RosterImport.objects.create(original_name="ds.xlsx", created_by=officer, file="rosters/gone")

    jobs.preview_roster_import(job.pk)

    job.refresh_from_db()
    assert job.status == RosterImport.Status.FAILED
    assert "không phải bảng tính chúng tôi đọc được" in job.summary["file_error"]
    page = officer_client.get(reverse("rosters:detail", args=[job.pk])).content.decode()
    assert "không phải bảng tính chúng tôi đọc được" in page
    assert "roster-progress" not in page


def test_a_refused_file_is_deleted_once_its_error_workbook_is_built(officer_client, settings):
    upload(officer_client, roster_xlsx(GOOD_ROWS + BAD_ROWS))

    job = RosterImport.objects.get()
    assert job.status == RosterImport.Status.PREVIEWED
    assert not job.can_confirm
    assert not job.file  # refused: deleted at once
    assert _files_under(settings.PRIVATE_MEDIA_ROOT) == [Path(job.errors_file.path)]
    download = officer_client.get(reverse("rosters:errors", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(download.getvalue())).active
    assert sheet.cell(row=7, column=8).value.endswith("không hợp lệ: cần 10 chữ số.")


def test_a_cancelled_preview_deletes_the_file(officer_client, settings):
    upload(officer_client, roster_xlsx(GOOD_ROWS))
    job = RosterImport.objects.get()
    assert job.can_confirm

    officer_client.post(reverse("rosters:cancel", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == RosterImport.Status.CANCELLED
    assert not job.file
    assert _files_under(settings.PRIVATE_MEDIA_ROOT) == []
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert Member.objects.count() == 0


@pytest.mark.parametrize(("age_days", "kept"), [(29, True), (31, False)])
def test_an_imported_file_is_kept_for_the_retention_period_only(officer_client, settings, age_days, kept):
    # Imported at 00:30 on the 1st, Hanoi time: the edge where day and month arithmetic slips.
    imported = datetime(2026, 3, 1, 0, 30, tzinfo=HANOI)
    with time_machine.travel(imported, tick=False):
        upload(officer_client, roster_xlsx(GOOD_ROWS))
        job = RosterImport.objects.get()
        officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == RosterImport.Status.DONE
    assert job.file

    with time_machine.travel(imported + timedelta(days=age_days), tick=False):
        jobs.delete_expired_roster_files()

    job.refresh_from_db()
    assert bool(job.file) is kept
    assert bool(_files_under(settings.PRIVATE_MEDIA_ROOT)) is kept
    assert job.status == RosterImport.Status.DONE
    assert Member.objects.count() == 1


def test_a_480000_bad_row_summary_is_stored_small():
    sheet_errors = [
        RowError("DS", row, "C (SĐT)", f"Số điện thoại 09{row} không hợp lệ.") for row in range(480_000)
    ]
    huge_cell = [RowError("DS", 2, "B (Họ và tên)", "Tên " + "x" * 32_000 + " quá dài.")]

    summary = jobs.bounded_summary(Plan(errors=huge_cell + sheet_errors).summary())

    assert len(summary["errors"]) == 1000
    assert summary["errors_left_off"] == {"C (SĐT)": 479_001}
    assert len(summary["errors"][0]["message"]) == jobs.MAX_ERROR_TEXT
    assert len(json.dumps(summary, ensure_ascii=False).encode()) < 200_000


def test_many_bad_rows_keep_a_bounded_summary_and_a_light_page(officer_client):
    page = upload(officer_client, _bad_rows_csv(5_000), name="ds.csv")

    job = RosterImport.objects.get()
    assert job.summary["totals"]["errors"] == 5_000
    assert len(job.summary["errors"]) == 1_000
    assert job.summary["errors_left_off"] == {"B (SĐT)": 4_000}
    stored = RosterImport.objects.filter(pk=job.pk).values_list("summary", flat=True).get()
    assert len(json.dumps(stored, ensure_ascii=False).encode()) < 250_000
    text = page.content.decode()
    assert "B (SĐT): 4.000" in text
    assert len(page.content) < 200_000

    # The list of imports and the progress polled every second never load a summary (the list
    # asks the database for one number inside it: how many rows are in error).
    # (SQLite reads that number with JSON_EXTRACT("teams_rosterimport"."summary", …): not the column.)
    whole_summary = re.compile(r'(?<!\()"teams_rosterimport"\."summary"(,| FROM)')
    for url in (reverse("rosters:index"), reverse("rosters:progress", args=[job.pk])):
        with CaptureQueriesContext(connection) as queries:
            assert officer_client.get(url).status_code == 200
        roster_queries = [query["sql"] for query in queries if "teams_rosterimport" in query["sql"]]
        assert roster_queries
        assert not any(whole_summary.search(sql) for sql in roster_queries)


def _crafted_xlsx(rows):
    """A small XLSX of bad rows that unpacks to megabytes (what sent a web worker to 355 MB)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("DS")
    sheet.append(["Họ và tên", "SĐT", "Thôn", "Xã"])
    for number in range(rows):
        sheet.append([f"Người {number}", f"09{number}", "Thôn Đông", "Xã Tân Lập"])
    return workbook_bytes(workbook)


def test_a_crafted_file_gets_a_bounded_error_workbook_built_once_by_the_worker(officer_client, officer):
    data = _crafted_xlsx(10_000)
    assert len(data) < 250_000
    upload(officer_client, data)
    job = RosterImport.objects.get()
    built = job.errors_file.name
    assert built
    assert not job.file

    # What the worker does, measured: memory stays small whatever the file unpacks to.
    job.file.save("again", io.BytesIO(data))
    RosterImport.objects.filter(pk=job.pk).update(errors_file="")
    tracemalloc.start()
    jobs.build_errors_file(job.pk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 * 1024 * 1024

    job.refresh_from_db()
    download = officer_client.get(reverse("rosters:errors", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(download.getvalue()), read_only=True).active
    rows = list(sheet.values)
    assert len(rows) == 1 + 1_000
    assert rows[0][3].startswith("Lỗi cần sửa (còn 9.000 lỗi")
    assert rows[1] == ("DS", 2, "B (SĐT)", rows[1][3])
    assert "090" in rows[1][3]


def test_the_error_view_never_builds_a_workbook_itself(officer_client, officer):
    job = RosterImport.objects.create(
        original_name="ds.xlsx",
        created_by=officer,
        status=RosterImport.Status.PREVIEWED,
        summary={"errors": [{"sheet": "DS", "row": 2, "column": "", "message": "x"}]},
    )
    job.file.save("ds", io.BytesIO(roster_xlsx(BAD_ROWS)))
    assert officer_client.get(reverse("rosters:errors", args=[job.pk])).status_code == 404
    page = officer_client.get(reverse("rosters:detail", args=[job.pk])).content.decode()
    assert 'id="errors-file-pending"' in page


def test_the_sweeper_fails_jobs_whose_task_died_and_leaves_running_ones(officer, settings):
    settings.ROSTER_JOB_STALE_MINUTES = 60
    now = datetime(2026, 6, 1, 0, 30, tzinfo=HANOI)
    stuck = RosterImport.objects.create(
        original_name="a.xlsx",
        created_by=officer,
        status=RosterImport.Status.IMPORTING,
        started_at=now - timedelta(minutes=61),
    )
    stuck.file.save("a", io.BytesIO(b"rows"))
    working = RosterImport.objects.create(
        original_name="b.xlsx",
        created_by=officer,
        status=RosterImport.Status.PREVIEWING,
        started_at=now - timedelta(minutes=59),
    )

    with time_machine.travel(now, tick=False):
        jobs.fail_stale_roster_imports()

    stuck.refresh_from_db()
    working.refresh_from_db()
    assert stuck.status == RosterImport.Status.FAILED
    assert not stuck.file
    assert stuck.summary["file_error"].startswith("Việc kiểm tra hoặc nhập tệp đã dừng")
    assert working.status == RosterImport.Status.PREVIEWING
    # The dead task, delivered late after all, does nothing to the failed job.
    jobs.confirm_roster_import(stuck.pk)
    stuck.refresh_from_db()
    assert stuck.status == RosterImport.Status.FAILED


def test_uploads_left_in_public_media_are_moved_or_deleted_by_the_command(officer, settings):
    from io import StringIO

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    kept = default_storage.save("rosters/2026/11/danh sach.xlsx", ContentFile(b"roster"))
    refused = default_storage.save("rosters/2026/11/loi.xlsx", ContentFile(b"bad"))
    default_storage.save("rosters/2026/10/orphan.csv", ContentFile(b"left behind"))
    waiting = RosterImport.objects.create(
        original_name="danh sach.xlsx", created_by=officer, status=RosterImport.Status.DONE, file=kept
    )
    errors = [{"sheet": "DS", "row": row, "column": "C (SĐT)", "message": "x"} for row in range(1_500)]
    failed = RosterImport.objects.create(
        original_name="loi.xlsx",
        created_by=officer,
        status=RosterImport.Status.PREVIEWED,
        file=refused,
        summary={"errors": errors},
    )

    dry = StringIO()
    call_command("move_roster_files", "--dry-run", stdout=dry)
    assert dry.getvalue().strip() == (
        "1 file(s) would be moved to the private storage, 2 refused or unreferenced file(s) would be "
        "deleted from media, 1 summary(ies) would be bounded."
    )
    assert len(_files_under(settings.MEDIA_ROOT)) == 3

    call_command("move_roster_files", stdout=StringIO())

    waiting.refresh_from_db()
    failed.refresh_from_db()
    assert _files_under(settings.MEDIA_ROOT) == []
    assert re.fullmatch(r"rosters/[0-9a-f]{32}", waiting.file.name)
    assert waiting.file.read() == b"roster"
    assert not failed.file
    assert len(failed.summary["errors"]) == 1_000
    assert failed.summary["errors_left_off"] == {"C (SĐT)": 500}
    again = StringIO()
    call_command("move_roster_files", stdout=again)
    assert again.getvalue().startswith("0 file(s) were moved")
