"""A commune officer imports a roster in the Wagtail admin, in a real Chromium.

Upload → preview with one error row → download the errors file → fix it → upload again →
confirm → the members are on the team's page.
"""

import io

import pytest
from django.contrib.auth.models import Permission
from openpyxl import load_workbook

from teams.models import Team
from tests.factories_rosters import commune_officer, roster_map, roster_xlsx
from tests.photos import photograph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


@pytest.fixture
def officer_page(browser, client, live_server, settings):
    """OFFICER SIGN-IN BY SESSION COOKIE: a commune officer's session made with force_login and
    copied into the browser, so the test does not depend on the sign-in flow."""
    _province, commune, _ward, _other = roster_map()
    officer = commune_officer(commune)
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(officer)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="vi-VN"
    )
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    yield page
    context.close()


ROWS = [
    ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
    ["Trần Thị Hoà", "091234", "Tổ phó", "Bí thư Đoàn", "Thôn Đông", "Xã Tân Lập"],
    ["Lê Văn Bình", "0912.345.680", "Thành viên", "Công an xã", "Thôn Đông", "Xã Tân Lập"],
]


def test_officer_fixes_an_error_row_and_imports_the_roster(officer_page, live_server, tmp_path, output_dir):
    page = officer_page
    first = tmp_path / "danh-sach.xlsx"
    first.write_bytes(roster_xlsx(ROWS))

    page.goto(f"{live_server.url}/admin/rosters/")
    page.set_input_files("input[type=file]", str(first))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    page.wait_for_selector("#roster-errors")
    photograph(page, output_dir / "preview-with-error.png")

    errors = page.locator("#roster-errors tbody tr")
    assert errors.count() == 1
    assert errors.first.inner_text().split("\t") == [
        "Sheet",
        "7",
        "C (SĐT)",
        "Số điện thoại 091234 không hợp lệ: cần 10 chữ số.",
    ]
    assert page.get_by_role("button", name="Xác nhận và nhập").count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải tệp có thêm cột lỗi").click()
    error_file = tmp_path / "loi.xlsx"
    download_info.value.save_as(error_file)
    workbook = load_workbook(error_file)
    assert workbook.active["H7"].value == "C (SĐT): Số điện thoại 091234 không hợp lệ: cần 10 chữ số."

    workbook.active["C7"] = "0912 345 679"  # the officer fixes the number in their own file
    fixed = tmp_path / "danh-sach-da-sua.xlsx"
    buffer = io.BytesIO()
    workbook.save(buffer)
    fixed.write_bytes(buffer.getvalue())
    page.goto(f"{live_server.url}/admin/rosters/")
    page.set_input_files("input[type=file]", str(fixed))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    page.get_by_role("button", name="Xác nhận và nhập").click()
    page.wait_for_selector("#roster-teams")
    photograph(page, output_dir / "imported.png")

    # The import's team listing (the teams app's admin listing will replace it when merged).
    team = Team.objects.get(village__name="Thôn Đông")
    row = page.locator("#roster-teams tbody tr")
    assert row.count() == 1
    listing = row.first.inner_text()
    assert team.name in listing
    for name in ("Nguyễn Văn An (tổ trưởng)", "Trần Thị Hoà (tổ phó)", "Lê Văn Bình (thành viên)"):
        assert name in listing


@pytest.mark.parametrize("language", ["vi", "en"])
def test_officer_maps_unnamed_columns_in_the_preview(
    browser, client, live_server, settings, tmp_path, output_dir, language
):
    """Desktop width, in both admin languages: the columns table shows each column's header, samples
    and what it was read as; the two unnamed columns block the import until mapped."""
    from wagtail.users.models import UserProfile

    from tests.officer_sheets import unnamed_columns_list

    words = {
        "vi": (
            "Tải lên và xem trước",
            "Kiểm tra lại tệp với các cột này",
            "Xác nhận và nhập",
            "Cột C chứa gì",
            "Cột D chứa gì",
        ),
        "en": (
            "Upload and preview",
            "Check the file again with these columns",
            "Confirm and import",
            "What column C holds",
            "What column D holds",
        ),
    }[language]
    upload_button, check_again, confirm, column_c, column_d = words
    _province, commune, _ward, _other = roster_map()
    officer = commune_officer(commune)
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    officer.preferred_language = language
    officer.save()
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    client.force_login(officer)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(unnamed_columns_list())

    page.goto(f"{live_server.url}/admin/rosters/")
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name=upload_button).click()
    page.wait_for_selector("#columns-to-map")
    photograph(page, output_dir / f"columns-to-map-{language}.png")
    assert page.locator(".roster-columns tr[data-state=blocking]").count() == 2
    assert page.get_by_role("button", name=confirm).count() == 0
    assert "Thôn Đông; Thôn Tây" in page.locator(".roster-columns tr[data-key='dia danh']").inner_text()

    page.get_by_role("combobox", name=column_c).select_option("village")
    page.get_by_role("combobox", name=column_d).select_option("role")
    page.get_by_role("button", name=check_again).click()
    page.get_by_role("button", name=confirm).wait_for()
    photograph(page, output_dir / f"columns-mapped-{language}.png")
    assert page.locator(".roster-columns tr[data-state=chosen]").count() == 2
    page.get_by_role("button", name=confirm).click()
    page.wait_for_selector("#roster-teams")
    assert sorted(Team.objects.values_list("village__name", flat=True)) == ["Thôn Tây", "Thôn Đông"]
    context.close()
