"""An editor writes a guide in Wagtail's editor with a Vietnamese title, translates it in
wagtail-localize's editor and publishes both; a reader on a phone follows the language links
both ways. Chromium: the editor on a desktop screen, the reader at 360×740."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect
from wagtail.models import Locale

from accounts.models import Role
from cms.models import GuidePage
from tests.browser_sign_in import signed_in_with_session
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.factories_cms import vietnamese_topic
from tests.photos import photograph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VI_TITLE = "Nhận biết tin nhắn giả mạo ngân hàng"
VI_SLUG = "nhan-biet-tin-nhan-gia-mao-ngan-hang"
EN_TITLE = "Spot fake bank texts"


@pytest.fixture
def editor_page(browser, live_server, editors_group):
    editor = RoleAssignmentFactory(
        user=UserFactory(email="bientap@example.vn"), role=Role.CONTENT_EDITOR
    ).user
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "vi", "url": live_server.url}])
    yield signed_in_with_session(context.new_page(), live_server, editor)
    context.close()


def translate_next_segment(page, text):
    """In wagtail-localize's editor, the first segment not yet translated: "Dịch", the text, "Lưu"."""
    page.get_by_role("button", name="Dịch", exact=True).first.click()
    page.locator("textarea:visible").first.fill(text)
    page.get_by_role("button", name="Lưu", exact=True).first.click()
    page.get_by_text(text, exact=True).wait_for()


def test_an_editor_writes_and_translates_a_guide_and_a_reader_switches_language_both_ways(
    editor_page, phone_page, live_server, output_dir
):
    topic = vietnamese_topic()
    page = editor_page
    page.goto(f"{live_server.url}/admin/pages/add/cms/guidepage/{topic.pk}/")
    page.locator("#id_title").fill(VI_TITLE)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).to_have_value(VI_SLUG)  # made from the title, without accents
    page.locator("#id_summary").fill("Ba dấu hiệu của tin nhắn lừa đảo.")
    page.locator("[data-streamfield-stream-container] button, .c-sf-add-button").first.click()
    page.get_by_text("Đoạn văn", exact=True).first.click()
    page.locator("[contenteditable=true]").first.fill("Ngân hàng không bao giờ nhắn tin xin mã OTP.")
    # Draftail copies what was typed into the form a moment later: publishing before that saved an
    # empty paragraph, and the translation then had no segment for it.
    expect(page.locator("input[name=body-0-value]")).to_have_value(re.compile("xin mã OTP"))
    photograph(page, output_dir / "1-editor-new-guide.png")
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"**/admin/pages/{topic.pk}/")
    guide = GuidePage.objects.get(title=VI_TITLE)
    assert guide.slug == VI_SLUG
    assert guide.live
    assert "Ngân hàng không bao giờ nhắn tin xin mã OTP." in str(guide.body)

    page.goto(f"{live_server.url}/admin/localize/submit/page/{guide.pk}/")
    english = Locale.objects.get(language_code="en")
    page.locator(f"input[name=locales][value='{english.pk}']").check()
    page.locator("form:has(input[name=locales]) [type=submit]").first.click()
    page.wait_for_load_state()
    # Every segment is on the tab the translator works in, the slug under the title.
    for text in (
        EN_TITLE,
        "spot-fake-bank-texts",
        "Three signs of a scam text.",
        "Banks never text you for an OTP.",
    ):
        translate_next_segment(page, text)
    expect(page.get_by_text("Đang lưu")).to_have_count(0)  # every segment stored before publishing
    photograph(page, output_dir / "2-translation-editor.png")
    page.get_by_role("button", name=re.compile("Xuất bản bản dịch")).click()
    page.wait_for_load_state()
    message = page.locator(".messages").inner_text()
    assert "Đã xuất bản" in message
    assert "còn đoạn chưa dịch" not in message
    photograph(page, output_dir / "3-translation-published.png")

    # The reader: Vietnamese guide → English → back to Vietnamese, by the language links.
    reader = phone_page
    vi_path = f"/vi/{topic.slug}/{VI_SLUG}/"
    reader.goto(live_server.url + vi_path)
    assert reader.locator("h1").inner_text() == VI_TITLE
    hreflang = reader.locator("link[rel=alternate][hreflang=en]").get_attribute("href")
    assert hreflang.endswith("/spot-fake-bank-texts/")
    assert hreflang.count("/vi/") == 0
    photograph(reader, output_dir / "4-reader-vi.png")
    reader.locator("nav.languages").get_by_role("link", name="English").click()
    reader.wait_for_url("**/en/*/spot-fake-bank-texts/")
    assert reader.locator("h1").inner_text() == EN_TITLE
    assert "Banks never text you for an OTP." in reader.locator("main").inner_text()
    photograph(reader, output_dir / "5-reader-en.png")
    reader.locator("nav.languages").get_by_role("link", name="Tiếng Việt").click()
    reader.wait_for_url(f"**{vi_path}")
    assert reader.locator("h1").inner_text() == VI_TITLE
