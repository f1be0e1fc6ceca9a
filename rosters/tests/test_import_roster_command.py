"""`manage.py import_roster FILE --scope CODE [--dry-run]` and the task bodies behind the admin."""

import io
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook

from rosters import jobs
from rosters.models import RosterImport
from teams.models import Member
from tests.factories_rosters import commune_officer, roster_map, roster_xlsx

pytestmark = pytest.mark.django_db

ROWS = [
    ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
    ["Lê Văn Bình", "0912 345 680", "Thành viên", "Công an", "Thôn Đông", "Xã Tân Lập"],
]


@pytest.fixture
def roster_file(tmp_path):
    roster_map()
    path = tmp_path / "tinh.xlsx"
    path.write_bytes(roster_xlsx(ROWS))
    return path


def test_dry_run_prints_the_summary_writes_nothing_and_exits_non_zero(roster_file):
    out = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_roster", str(roster_file), "--scope", "25", "--dry-run", stdout=out)
    assert "Sheet: new 2, updated 0, unchanged 0, skipped 2, errors 0" in out.getvalue()
    assert Member.objects.count() == 0


def test_a_sheet_without_header_blocks_the_command_until_named_with_skip_sheet(tmp_path):
    roster_map()
    workbook = load_workbook(io.BytesIO(roster_xlsx(ROWS)))
    workbook.create_sheet("Ghi chú").append(["Trần Thị Hoà", "0912 345 681"])
    path = tmp_path / "tinh.xlsx"
    workbook.save(path)
    out = StringIO()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_roster", str(path), "--scope", "25", stdout=out)
    assert "Ghi chú: new 0" in out.getvalue()
    assert "không có dòng tiêu đề" in out.getvalue()
    assert not Member.objects.exists()

    call_command("import_roster", str(path), "--scope", "25", "--skip-sheet", "Ghi chú", stdout=StringIO())
    assert sorted(Member.objects.values_list("full_name", flat=True)) == ["Lê Văn Bình", "Nguyễn Văn An"]


def test_the_command_prints_vietnamese_even_after_english_was_active(tmp_path):
    """Whatever ran before in the process (an English admin request, a test): the files and the
    officers who run the command are Vietnamese."""
    roster_map()
    workbook = load_workbook(io.BytesIO(roster_xlsx(ROWS)))
    workbook.create_sheet("Ghi chú").append(["Trần Thị Hoà", "0912 345 681"])
    path = tmp_path / "tinh.xlsx"
    workbook.save(path)
    out = StringIO()

    translation.activate("en")
    try:
        with pytest.raises(CommandError):
            call_command("import_roster", str(path), "--scope", "25", "--dry-run", stdout=out)
    finally:
        translation.deactivate()
    assert "không có dòng tiêu đề" in out.getvalue()
    assert "Chữ ký dưới bảng: không phải thành viên." in out.getvalue()


def test_import_with_a_province_scope(roster_file):
    out = StringIO()
    call_command("import_roster", str(roster_file), "--scope", "25", stdout=out)
    assert Member.objects.count() == 2


def test_rows_outside_the_scope_are_errors_and_nothing_is_imported(roster_file):
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_roster", str(roster_file), "--scope", "08002", stdout=out)
    assert "Sheet row 6 G (Xã/Phường): Xã Tân Lập (Tỉnh Phú Thọ) nằm ngoài địa bàn" in out.getvalue()
    assert Member.objects.count() == 0


def test_an_unknown_scope_code_is_refused(roster_file):
    with pytest.raises(CommandError, match="neither a commune nor a province"):
        call_command("import_roster", str(roster_file), "--scope", "99999")


def test_task_bodies_preview_then_confirm_once_even_when_redelivered(roster_file):
    officer = commune_officer(roster_map()[1])
    job = RosterImport(original_name="tinh.xlsx", created_by=officer)
    job.file.save("tinh.xlsx", ContentFile(roster_file.read_bytes()), save=False)
    job.save()

    jobs.preview_roster_import(job.pk)
    job.refresh_from_db()
    assert (job.status, job.summary["totals"]["new"]) == (RosterImport.Status.PREVIEWED, 2)
    assert Member.objects.count() == 0

    RosterImport.objects.filter(pk=job.pk).update(status=RosterImport.Status.IMPORTING)
    jobs.confirm_roster_import(job.pk)
    jobs.confirm_roster_import(job.pk)  # acks_late redelivery after a lost worker

    job.refresh_from_db()
    assert job.status == RosterImport.Status.DONE
    assert Member.objects.count() == 2
    assert jobs.progress_of(job)["total"] == 2


def test_an_old_excel_xls_file_imports_like_xlsx(tmp_path):
    """Old Excel (.xls, BIFF8) as the commune's computers still save it: title lines, a merged
    village cell, a phone stored as a number, a date cell, a total row."""
    import datetime

    import xlwt

    roster_map()
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Thôn Đông")
    sheet.write(0, 0, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP")
    sheet.write(1, 0, "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG")
    header = ["STT", "HO TEN", "SĐT", "Chức vụ trong tổ", "Ngày vào tổ", "Thôn/Tổ dân phố", "Xã/Phường"]
    for column, title in enumerate(header):
        sheet.write(3, column, title)
    as_date = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    members = [("Nguyễn Văn An", 912345678, "Tổ trưởng"), ("Lê Thị Hoà", "0912.345.680", "Thành viên")]
    for offset, (name, phone, role) in enumerate(members):
        row = 4 + offset
        sheet.write(row, 0, offset + 1)
        sheet.write(row, 1, name)
        sheet.write(row, 2, phone)
        sheet.write(row, 3, role)
        sheet.write(row, 4, datetime.date(2024, 3, 15), as_date)
        sheet.write(row, 6, "Xã Tân Lập")
    sheet.write_merge(4, 5, 5, 5, "Thôn Đông")
    sheet.write(6, 1, "Tổng cộng: 2 người")
    path = tmp_path / "to-cong-nghe.xls"
    book.save(str(path))

    out = StringIO()
    call_command("import_roster", str(path), "--scope", "08001", stdout=out)

    assert "new 2, updated 0, unchanged 0, skipped 1, errors 0" in out.getvalue()
    members = Member.objects.order_by("full_name")
    assert [(m.full_name, m.phone, m.team.village.name, m.joined_on) for m in members] == [
        ("Lê Thị Hoà", "+84912345680", "Thôn Đông", datetime.date(2024, 3, 15)),
        ("Nguyễn Văn An", "+84912345678", "Thôn Đông", datetime.date(2024, 3, 15)),
    ]
