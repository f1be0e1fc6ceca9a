"""`manage.py import_roster FILE --scope CODE [--dry-run]` and the task bodies behind the admin."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from teams.models import Member, RosterImport
from teams.rosters import jobs
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
