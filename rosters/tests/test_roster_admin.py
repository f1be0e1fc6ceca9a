"""The roster pages in the Wagtail admin: upload, preview, errors file, confirm, templates, exports."""

import csv
import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from rosters import jobs
from rosters.models import RosterImport
from teams.models import Member
from tests.factories import VillageFactory
from tests.factories_rosters import (  # noqa: F401
    commune_officer,
    roster_map,
    roster_sheet,
    roster_xlsx,
    workbook_bytes,
)
from tests.factories_teams import MemberFactory, TeamFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


ROWS = [
    ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
    ["Trần Thị Hoà", "091234", "Tổ phó", "Bí thư Đoàn", "Thôn Đông", "Xã Tân Lập"],
]


def upload(client, data, name="danh sach.xlsx", kind="roster"):
    return client.post(
        reverse("rosters:index"), {"kind": kind, "file": SimpleUploadedFile(name, data)}, follow=True
    )


def test_upload_previews_then_confirm_writes_everything(officer_client, officer):
    fixed = [ROWS[0], ["Trần Thị Hoà", "0912 345 679", *ROWS[1][2:]]]
    response = upload(officer_client, roster_xlsx(fixed))

    job = RosterImport.objects.get()
    assert job.status == RosterImport.Status.PREVIEWED
    assert job.file.name.startswith("rosters/")
    page = response.content.decode()
    assert "Xem trước" in page
    assert "Xác nhận và nhập" in page
    assert Member.objects.count() == 0

    officer_client.post(reverse("rosters:confirm", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == RosterImport.Status.DONE
    assert sorted(Member.objects.values_list("full_name", flat=True)) == ["Nguyễn Văn An", "Trần Thị Hoà"]
    # Confirming again (a double click, a resent form) writes nothing more.
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert Member.objects.count() == 2


def test_a_file_with_an_error_cannot_be_confirmed_and_its_errors_download_as_the_officers_file(
    officer_client,
):
    response = upload(officer_client, roster_xlsx(ROWS))
    job = RosterImport.objects.get()

    page = response.content.decode()
    assert "Số điện thoại 091234 không hợp lệ: cần 10 chữ số." in page
    assert "Xác nhận và nhập" not in page
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert Member.objects.count() == 0

    download = officer_client.get(reverse("rosters:errors", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(download.getvalue())).active
    assert sheet.cell(row=5, column=8).value == "Lỗi cần sửa"
    assert sheet.cell(row=7, column=8).value == "C (SĐT): Số điện thoại 091234 không hợp lệ: cần 10 chữ số."
    assert sheet.cell(row=6, column=8).value is None
    assert sheet.cell(row=1, column=1).value == "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"  # the officer's own file


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.xlsx", b"\x89PNG\r\n\x1a\nnot a sheet", "Đây không phải bảng tính"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 40, "Tệp XLSX bị hỏng"),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
            "Tệp được bảo vệ bằng mật khẩu",
        ),
        ("ds.csv", "Họ và tên;SĐT\nAn;0912345678\n".encode("utf-16-le"), "không nhận ra bảng mã"),
        ("ds.csv", "Danh sách\nnội dung tự do\n".encode(), "không có dòng tiêu đề"),
    ],
)
def test_bad_files_get_one_clear_message_and_write_nothing(officer_client, name, data, message):
    response = upload(officer_client, data, name=name)
    assert message in response.content.decode()
    assert Member.objects.count() == 0
    assert not RosterImport.objects.get().can_confirm


def test_a_zip_bomb_is_refused_before_it_is_unpacked(officer_client):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (50 * 1024 * 1024))
    response = upload(officer_client, buffer.getvalue())
    assert "được giải nén ra nhiều dữ liệu" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused_at_upload(officer_client, settings):
    settings.ROSTER_MAX_UPLOAD_BYTES = 1024
    response = upload(officer_client, b"x" * 2048, name="big.csv")
    assert "lớn hơn" in response.content.decode()
    assert not RosterImport.objects.exists()


def test_progress_survives_a_reload(officer_client, officer):
    job = RosterImport.objects.create(
        original_name="lon.xlsx", created_by=officer, status=RosterImport.Status.IMPORTING
    )
    jobs._reporter(job.pk)(25_000, 50_000)

    page = officer_client.get(reverse("rosters:detail", args=[job.pk])).content.decode()
    progress = officer_client.get(reverse("rosters:progress", args=[job.pk])).json()

    assert 'value="50"' in page
    assert progress == {
        "status": "importing",
        "running": True,
        "done": 25_000,
        "total": 50_000,
        "percent": 50,
    }


def test_another_officers_import_is_not_found(client, officer, places):
    job = RosterImport.objects.create(original_name="x.xlsx", created_by=officer)
    other = commune_officer(places[2])
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert client.get(reverse("rosters:detail", args=[job.pk]), follow=True).status_code == 404


def test_templates_have_vietnamese_headers_an_example_and_notes(officer_client):
    response = officer_client.get(reverse("rosters:template", args=["roster"]))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Danh sách"]
    assert [cell.value for cell in sheet[4]][:4] == ["STT", "Họ và tên", "Số điện thoại", "Chức vụ trong tổ"]
    assert sheet["B5"].value == "Nguyễn Văn An"
    assert "10 chữ số" in sheet["C4"].comment.text
    assert workbook["Hướng dẫn"]["A2"].value == "Họ và tên"


def test_exports_are_scoped_neutralise_formulas_and_round_trip(officer_client, places):
    mine = TeamFactory(village=VillageFactory(commune=places[1], name="Thôn Đông"))
    MemberFactory(team=mine, full_name='=HYPERLINK("http://x")', phone="+84912000001")
    MemberFactory(team=mine, full_name="Lê Thị Mai", phone="+84912000002", role=Member.TeamRole.LEADER)
    MemberFactory(team=TeamFactory(village=VillageFactory(commune=places[3])), full_name="Người Tỉnh Khác")

    response = officer_client.get(reverse("rosters:export", args=["members", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    assert rows[0][:3] == ["Họ và tên", "Số điện thoại", "Chức vụ trong tổ"]
    assert sorted(row[0] for row in rows[1:]) == ['\'=HYPERLINK("http://x")', "Lê Thị Mai"]

    xlsx = officer_client.get(reverse("rosters:export", args=["members", "xlsx"])).content
    again = upload(officer_client, xlsx, name="export.xlsx")
    job = RosterImport.objects.get()
    assert job.summary["totals"] == {"new": 0, "updated": 0, "unchanged": 2, "skipped": 0, "errors": 0}
    assert "Tệp không thay đổi gì" in again.content.decode()

    teams = officer_client.get(reverse("rosters:export", args=["teams", "xlsx"]))
    sheet = load_workbook(io.BytesIO(teams.content)).active
    assert [cell.value for cell in sheet[2]][:3] == [mine.name, "Thôn Đông", "Xã Tân Lập"]
    assert sheet.max_row == 2


def test_a_sheet_without_header_is_imported_only_once_the_officer_ticks_skip(officer_client):
    workbook = Workbook()
    roster_sheet(workbook.active, [ROWS[0]])
    workbook.create_sheet("Ghi chú").append(["Lê Văn Bình", "0912 345 680"])  # rows typed without a header
    response = upload(officer_client, workbook_bytes(workbook))
    job = RosterImport.objects.get()

    page = response.content.decode()
    assert job.status == RosterImport.Status.PREVIEWED
    assert 'data-sheet-status="no_header"' in page
    assert "Không tìm thấy dòng tiêu đề cột" in page
    assert 'name="skip_sheet" value="Ghi chú"' in page

    # Confirming without the tick writes nothing and says which sheet stands in the way.
    page = officer_client.post(reverse("rosters:confirm", args=[job.pk]), follow=True).content.decode()
    job.refresh_from_db()
    assert job.status == RosterImport.Status.PREVIEWED
    assert not Member.objects.exists()
    assert "Các trang tính Ghi chú không có dòng tiêu đề cột" in page

    officer_client.post(reverse("rosters:confirm", args=[job.pk]), {"skip_sheet": ["Ghi chú", "Invented"]})

    job.refresh_from_db()
    assert job.status == RosterImport.Status.DONE
    assert job.skipped_sheets == ["Ghi chú"]
    assert [sheet["status"] for sheet in job.summary["sheets"]] == ["read", "skipped_by_officer"]
    assert list(Member.objects.values_list("full_name", flat=True)) == ["Nguyễn Văn An"]


def test_the_exports_are_named_in_the_officers_language_and_the_sheets_stay_vietnamese(officer_client):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = officer_client.get(reverse("rosters:index")).content.decode()
    assert "Assistance logs:" in page
    assert "Attendance:" in page
    assert "Nhật ký hỗ trợ" not in page
    assert "Điểm danh" not in page
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = officer_client.get(reverse("rosters:index")).content.decode()
    assert "Nhật ký hỗ trợ:" in page
    assert "Điểm danh:" in page
    workbook = load_workbook(
        io.BytesIO(officer_client.get(reverse("rosters:export", args=["logs", "xlsx"])).content)
    )
    assert workbook.sheetnames == ["Nhật ký hỗ trợ"]
