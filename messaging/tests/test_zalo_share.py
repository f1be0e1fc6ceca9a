"""'Sao chép để gửi Zalo': a session's and a team's page carry a ready text (what, when, where,
the link) with and without diacritics, copied by one tap through the site script (no inline
handler, so the CSP's hash still covers it), and a QR code of the link drawn inline."""

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from messaging.sharing import ready_text
from tests.factories_trainings import SessionFactory

pytestmark = pytest.mark.django_db


def boxes(page):
    found = dict(re.findall(r'<textarea id="(zalo-text(?:-plain)?)"[^>]*>(.*?)</textarea>', page, re.S))
    return html.unescape(found["zalo-text"]), html.unescape(found["zalo-text-plain"])


def test_a_session_page_has_a_ready_text_for_zalo_with_and_without_diacritics(clock, world, client):
    session = SessionFactory(
        commune=world["a"], address="Nhà văn hoá thôn Giang Cao", course__title_vi="Cài đặt VNeID mức 2"
    )
    page = client.get(reverse("trainings:session", args=[session.pk])).content.decode()
    text, plain = boxes(page)
    assert text.splitlines() == [
        "Cài đặt VNeID mức 2",
        "Thời gian: 14:00 08/12/2026",
        "Địa điểm: Nhà văn hoá thôn Giang Cao, Xã Bát Tràng",
        f"Chi tiết: http://testserver{reverse('trainings:session', args=[session.pk])}",
    ]
    assert plain.splitlines()[:3] == [
        "Cai dat VNeID muc 2",
        "Thoi gian: 14:00 08/12/2026",
        "Dia diem: Nha van hoa thon Giang Cao, Xa Bat Trang",
    ]
    assert 'data-copy-text="zalo-text"' in page
    assert "Sao chép để gửi Zalo" in page
    assert "<svg" in page.split('class="qr"')[1][:200]
    assert "onclick" not in page


def test_the_team_page_has_a_ready_text_linking_to_the_public_finder(clock, world, client):
    client.force_login(world.person("leader"))
    page = client.get(reverse("teams:home")).content.decode()
    text, plain = boxes(page)
    lines = text.splitlines()
    assert lines[0].startswith("Tổ công nghệ số Thôn Giang Cao")
    assert lines[1] == "Địa điểm: Thôn Giang Cao, Xã Bát Tràng"
    assert lines[2].startswith(
        f"Chi tiết: {settings.SITE_URL}{reverse('teams:find_team')}?province=91&commune=91001"
    )
    assert "Thon Giang Cao, Xa Bat Trang" in plain


def test_the_copy_handler_is_in_the_site_script_the_csp_allows_by_hash(client):
    from pathlib import Path

    script = (Path(settings.BASE_DIR) / "templates/includes/site.js").read_text()
    assert "[data-copy-text]" in script
    assert "clipboard" in script
    assert settings.SITE_SCRIPT_HASH in str(settings.SECURE_CSP["script-src"])


def test_without_diacritics_every_vietnamese_letter_is_plain():
    share = ready_text(
        "Đường đến Ủy ban xã",
        link="https://x.vn/a",
        when="08:00 12/12/2026",
        where="Bản Tả Van Giáy",
        language="vi",
    )
    assert share.unaccented.isascii()
    assert "Duong den Uy ban xa" in share.unaccented
    assert "Ban Ta Van Giay" in share.unaccented


def test_the_qr_code_draws_exactly_the_modules_of_the_link():
    import qrcode

    url = "https://totechso.vn/vi/trainings/12345/"
    svg = ready_text("Tập huấn", link=url, language="vi").qr
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(url)
    expected = {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row) if dark}
    drawn = {
        (x + dx, y)
        for x, y, width in (map(int, run) for run in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg))
        for dx in range(width)
    }
    assert drawn == expected
    assert len(svg) < 6000
