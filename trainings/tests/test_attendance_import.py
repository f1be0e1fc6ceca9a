"""An officer imports a session's attendance sheet with the roster importer: upload, preview with
the rows to fix, confirm; members who came are marked trained. The sheet also comes out of the
platform (one session's, or everything the officer manages) in the columns the import reads."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from rosters.models import RosterImport
from rosters.tests.test_roster_admin import upload
from teams.models import Member
from tests.factories_rosters import workbook_bytes
from tests.factories_teams import MemberFactory, TeamFactory
from tests.factories_trainings import SessionFactory
from tests.pages import says
from trainings.models import Registration, TrainingSession
from trainings.registering import enrol, sign_up

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

# How sheets typed by hand head their columns: other spellings, remarks in brackets, no diacritics.
MESSY_HEADER = ["STT", "Mã buổi", "Ho ten", "SĐT (di động)", "Điểm danh", "Ghi chú"]


def started(session):
    """The session began an hour ago: attendance is taken from its day on."""
    TrainingSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    session.refresh_from_db()
    return session


@pytest.fixture
def session(places):
    """A session in the officer's commune: two members enrolled (one has no phone), two citizens."""
    session = SessionFactory(commune=places[1], capacity=10)
    team = TeamFactory(commune=places[1])
    enrol(
        session,
        [
            MemberFactory(team=team, full_name="Nguyễn Văn An", phone="+84912345678"),
            MemberFactory(team=team, full_name="Lò Thị Sáu", phone=None),
        ],
    )
    sign_up(session, full_name="Trần Thị Hoà", phone="0912000002", language="vi")
    sign_up(session, full_name="Phạm Văn Đức", phone="0912000004", language="vi")
    return started(session)


def sheet_xlsx(rows, header=MESSY_HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["ỦY BAN NHÂN DÂN XÃ TÂN LẬP"])
    sheet.append(["DANH SÁCH ĐIỂM DANH LỚP KỸ NĂNG SỐ"])
    sheet.append([])
    sheet.append(header)  # row 4
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    sheet.append([])
    sheet.append(["Tổng cộng", "", f"{len(rows)} người"])
    return workbook_bytes(workbook)


def attended():
    return dict(Registration.objects.values_list("full_name", "attended"))


def trained():
    return set(
        Member.objects.filter(training_status=Member.TrainingStatus.TRAINED).values_list(
            "full_name", flat=True
        )
    )


def test_a_messy_sheet_with_bad_rows_shows_each_error_and_writes_nothing(officer_client, session):
    code = session.pk
    rows = [
        [code, "Nguyễn Văn An", "0912.345.678", "x"],
        [code, "Trần Thị Hoà", "0912 34", "x"],  # row 6: a digit short
        [code, "Người Lạ", "0987 000 999", "x"],  # row 7: not registered
        [code, "Lò Thị Sáu", None, "muộn"],  # row 8: neither came nor absent
        [code, "Nguyễn Van An", "84912345678", "x"],  # row 9: the same person again
    ]
    response = upload(officer_client, sheet_xlsx(rows), name="diem danh.xlsx", kind="attendance")

    job = RosterImport.objects.get()
    assert [(e["row"], e["column"], e["message"]) for e in job.summary["errors"]] == [
        (6, "D (SĐT (di động))", "Số điện thoại 0912 34 không hợp lệ: cần 10 chữ số."),
        (7, "D (SĐT (di động))", "Không có ai đăng ký buổi này với số điện thoại này."),
        (
            8,
            "E (Điểm danh)",
            "Không hiểu muộn: ghi x nếu người đó đã đến, để trống hoặc ghi Vắng nếu không đến.",
        ),
        (9, "C (Ho ten)", "Nguyễn Văn An trùng với dòng 5: hãy bỏ một dòng."),
    ]
    assert job.summary["sheets"][0]["notes"] == ["Các cột không được nhập: Ghi chú."]
    page = response.content.decode()
    assert "Xác nhận và nhập" not in page
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert set(attended().values()) == {None}
    assert trained() == set()
    assert TrainingSession.objects.get(pk=session.pk).status == "scheduled"


def test_a_clean_sheet_records_who_came_and_marks_members_trained(officer_client, session):
    code = session.pk
    rows = [
        [code, "Nguyễn Văn An", "0912.345.678", "x"],
        [code, "Trần Thị Hoà", "84 912 000 002", "✓"],
        [code, "Lò Thị Sáu", None, "Có"],  # no phone: found by her name
    ]
    response = upload(officer_client, sheet_xlsx(rows), name="diem danh.xlsx", kind="attendance")
    job = RosterImport.objects.get()
    assert job.summary["totals"] == {"new": 0, "updated": 3, "unchanged": 0, "skipped": 1, "errors": 0}
    assert (job.summary["came"], job.summary["marked_absent"]) == (3, 1)
    assert says(
        response.content.decode(), "1 người đăng ký nhưng không có trong danh sách sẽ được ghi là vắng."
    )

    page = officer_client.post(reverse("rosters:confirm", args=[job.pk]), follow=True).content.decode()

    assert attended() == {
        "Nguyễn Văn An": True,
        "Trần Thị Hoà": True,
        "Lò Thị Sáu": True,
        "Phạm Văn Đức": False,  # registered, not on the sheet
    }
    assert trained() == {"Nguyễn Văn An", "Lò Thị Sáu"}
    assert TrainingSession.objects.get(pk=session.pk).status == "held"
    assert says(page, "2 thành viên được ghi là đã được tập huấn.")
    # The same sheet again changes nothing.
    upload(officer_client, sheet_xlsx(rows), name="diem danh.xlsx", kind="attendance")
    assert not RosterImport.objects.order_by("-pk").first().can_confirm


def test_an_officer_cannot_import_into_another_communes_session(officer_client, session, places):
    elsewhere = SessionFactory(commune=places[2])  # same province, another commune
    sign_up(elsewhere, full_name="Vũ Thị Lan", phone="0912000009", language="vi")
    started(elsewhere)
    rows = [[elsewhere.pk, "Vũ Thị Lan", "0912000009", "x"], [session.pk, "Nguyễn Văn An", "0912345678", "x"]]

    upload(officer_client, sheet_xlsx(rows), name="diem danh.xlsx", kind="attendance")

    job = RosterImport.objects.get()
    assert [(e["row"], e["column"], e["message"]) for e in job.summary["errors"]] == [
        (5, "B (Mã buổi)", f"Không có buổi tập huấn mã {elsewhere.pk} trong địa bàn bạn quản lý."),
    ]
    assert not job.can_confirm
    assert set(attended().values()) == {None}
    # Nor download that session's sheet.
    url = reverse("training_attendance_sheet", args=[elsewhere.pk, "xlsx"])
    assert officer_client.get(url).status_code == 404


def test_a_session_not_yet_held_is_refused(officer_client, places):
    later = SessionFactory(commune=places[1])
    sign_up(later, full_name="Vũ Thị Lan", phone="0912000009", language="vi")
    upload(officer_client, sheet_xlsx([[later.pk, "Vũ Thị Lan", "0912000009", "x"]]), kind="attendance")
    assert RosterImport.objects.get().summary["errors"][0]["message"] == (
        f"Buổi {later.pk} đã bị huỷ hoặc chưa diễn ra: chỉ điểm danh được từ ngày diễn ra buổi."
    )


def test_the_sessions_sheet_downloads_ticked_and_imports_back(officer_client, session, places):
    other = SessionFactory(commune=places[1])
    sign_up(other, full_name="Vũ Thị Lan", phone="0912000009", language="vi")

    response = officer_client.get(reverse("training_attendance_sheet", args=[session.pk, "xlsx"]))

    assert response["Content-Disposition"].endswith(f'diem-danh-buoi-{session.pk}.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == [
        "Mã buổi tập huấn",
        "Khóa học",
        "Thời gian",
        "Họ và tên",
        "Số điện thoại",
        "Có mặt",
        "Xã/Phường",
    ]
    rows = {row[3]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"Nguyễn Văn An", "Lò Thị Sáu", "Trần Thị Hoà", "Phạm Văn Đức"}  # not Vũ Thị Lan
    assert rows["Nguyễn Văn An"][4] == "0912 345 678"
    assert rows["Lò Thị Sáu"][4] is None
    for cell in sheet["F"][1:]:
        cell.value = "x" if sheet.cell(row=cell.row, column=4).value != "Phạm Văn Đức" else None

    upload(officer_client, workbook_bytes(workbook), name="tai ve.xlsx", kind="attendance")
    job = RosterImport.objects.get()
    assert job.summary["errors"] == []
    assert job.can_confirm
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert attended()["Phạm Văn Đức"] is False
    assert attended()["Lò Thị Sáu"] is True

    # Everything the officer manages, in the same columns, with what was recorded.
    export = officer_client.get(reverse("rosters:export", args=["attendance", "xlsx"]))
    exported = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(min_row=2, values_only=True))
    assert {(row[0], row[3], row[5]) for row in exported} == {
        (str(session.pk), "Nguyễn Văn An", "x"),
        (str(session.pk), "Lò Thị Sáu", "x"),
        (str(session.pk), "Trần Thị Hoà", "x"),
        (str(session.pk), "Phạm Văn Đức", "Vắng"),
        (str(other.pk), "Vũ Thị Lan", None),
    }


def test_the_attendance_template_has_vietnamese_headers_and_notes(officer_client):
    response = officer_client.get(reverse("rosters:template", args=["attendance"]))
    sheet = load_workbook(io.BytesIO(response.content))["Danh sách"]
    assert [cell.value for cell in sheet[4]][:7] == [
        "STT",
        "Mã buổi tập huấn",
        "Khóa học",
        "Thời gian",
        "Họ và tên",
        "Số điện thoại",
        "Có mặt",
    ]
    assert "Vắng" in sheet["G4"].comment.text
