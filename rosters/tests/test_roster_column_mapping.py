"""No guess is silent: a column nobody named whose values look like hamlets or roles blocks the
import until the officer says what it holds, in the preview or with --column; the choice is
remembered for the unit's next file with the same header."""

from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from accounts.scopes import scope_for
from rosters.choices import choices_for
from rosters.importing import import_file
from rosters.models import ColumnChoice, RosterImport
from teams.models import Member
from tests import officer_sheets
from tests.factories_rosters import commune_officer, workbook_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

MAPPED = {"dia danh": "village", "cuong vi": "role"}


def hamlets_and_roles():
    return sorted(Member.objects.values_list("team__village__name", "full_name", "role"))


def test_an_unnamed_column_holding_hamlets_or_roles_blocks_the_import(officer):
    plan = import_file(officer_sheets.unnamed_columns_list(), "ds.xlsx", scope_for(officer), officer)

    assert not plan.ok
    assert plan.errors == []
    assert [(column["letter"], column["header"], column["field"]) for column in plan.columns_to_map] == [
        ("C", "Địa danh", "village"),
        ("D", "Cương vị", "role"),
    ]
    assert plan.columns_to_map[0]["samples"] == ["Thôn Đông", "Thôn Tây"]
    assert not Member.objects.exists()


def test_once_mapped_the_hamlets_and_roles_are_read_from_those_columns(officer):
    choices = choices_for(scope_for(officer), "roster", {**MAPPED, "ghi chu": ""})

    plan = import_file(
        officer_sheets.unnamed_columns_list(), "ds.xlsx", scope_for(officer), officer, choices=choices
    )

    assert plan.ok, (plan.errors, plan.columns_to_map)
    assert hamlets_and_roles() == [
        ("Thôn Tây", "Trần Văn Công", "leader"),
        ("Thôn Đông", "Lê Thị Bích", "member"),
        ("Thôn Đông", "Nguyễn Văn An", "leader"),
    ]
    states = {column["header"]: column["state"] for column in plan.sheets[0].columns}
    assert states == {
        "STT": "read",
        "Họ và tên": "read",
        "Địa danh": "chosen",
        "Cương vị": "chosen",
        "SĐT": "read",
        "Ghi chú": "not_imported",
    }


def test_marking_a_column_not_imported_unblocks_without_reading_it(officer):
    choices = choices_for(scope_for(officer), "roster", {"dia danh": "", "cuong vi": ""})

    plan = import_file(
        officer_sheets.unnamed_columns_list(), "ds.xlsx", scope_for(officer), officer, choices=choices
    )

    assert plan.ok
    assert {team_village for team_village, _name, _role in hamlets_and_roles()} == {None}


def upload(client, data, name="ds.xlsx"):
    return client.post(
        reverse("rosters:index"), {"kind": "roster", "file": SimpleUploadedFile(name, data)}, follow=True
    )


def test_the_officer_maps_columns_in_the_preview_and_the_units_next_file_is_read_alike(
    officer_client, officer, places
):
    page = upload(officer_client, officer_sheets.unnamed_columns_list()).content.decode()
    job = RosterImport.objects.get()
    assert "Xác nhận và nhập" not in page
    assert "các giá trị trông như Thôn/Tổ dân phố" in page
    assert 'name="column:dia danh"' in page
    assert 'name="column:cuong vi"' in page

    officer_client.post(
        reverse("rosters:columns", args=[job.pk]),
        {"column:dia danh": "village", "column:cuong vi": "role", "column:ghi chu": ""},
    )
    job.refresh_from_db()
    assert job.status == RosterImport.Status.PREVIEWED
    assert job.column_choices == MAPPED
    assert job.summary["columns_to_map"] == []
    assert job.can_confirm
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert len(hamlets_and_roles()) == 3

    # Next month's file of the same commune, same header: read the same way, nothing to map.
    upload(officer_client, officer_sheets.unnamed_columns_list(), "thang sau.xlsx")
    following = RosterImport.objects.exclude(pk=job.pk).get()
    assert following.summary["columns_to_map"] == []
    assert following.can_confirm is False  # every row already on the platform: nothing to write
    assert following.summary["totals"]["unchanged"] == 3

    # Another commune's officer with a file of the same header is asked again.
    other = commune_officer(places[2])
    other_choices = choices_for(scope_for(other), "roster")
    assert other_choices.remembered == {}
    assert ColumnChoice.objects.count() == 1


def test_a_different_header_is_not_read_with_a_remembered_mapping(officer_client, officer):
    upload(officer_client, officer_sheets.unnamed_columns_list())
    job = RosterImport.objects.get()
    officer_client.post(
        reverse("rosters:columns", args=[job.pk]), {"column:dia danh": "village", "column:cuong vi": "role"}
    )

    changed = ["STT", "Họ và tên", "Địa danh", "Cương vị", "SĐT", "Năm vào tổ"]
    upload(officer_client, officer_sheets.unnamed_columns_list(changed), "khac.xlsx")
    assert len(RosterImport.objects.exclude(pk=job.pk).get().summary["columns_to_map"]) == 2


def test_the_command_blocks_on_an_unnamed_column_until_given_the_mapping(officer, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(officer_sheets.unnamed_columns_list())
    out = StringIO()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_roster", str(path), "--scope", "08001", stdout=out)
    assert (
        'C (Địa danh): looks like village, say what it holds: --column "Địa danh=village"' in out.getvalue()
    )
    assert not Member.objects.exists()

    mapping = ["--column", "Địa danh=village", "--column", "Cương vị=role", "--column", "Ghi chú="]
    call_command("import_roster", str(path), "--scope", "08001", *mapping, stdout=StringIO())
    assert len(hamlets_and_roles()) == 3


def test_the_command_refuses_a_mapping_to_an_unknown_field(officer, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(officer_sheets.unnamed_columns_list())
    with pytest.raises(CommandError, match="full_name, phone, role"):
        call_command("import_roster", str(path), "--scope", "08001", "--column", "Địa danh=hamlet")


def test_a_file_waiting_for_its_columns_is_kept_even_with_rows_in_error(officer_client):
    """A refused file is deleted once its error workbook is built; one whose columns wait to be
    mapped stays, or the officer could not map them (the errors may come from those columns)."""
    workbook = load_workbook(BytesIO(officer_sheets.unnamed_columns_list()))
    workbook.active["E7"] = "0912 34"  # a digit short: a row in error
    page = upload(officer_client, workbook_bytes(workbook)).content.decode()

    job = RosterImport.objects.get()
    assert job.summary["errors"]
    assert job.summary["columns_to_map"]
    assert job.file
    assert job.errors_file
    assert 'name="column:dia danh"' in page
