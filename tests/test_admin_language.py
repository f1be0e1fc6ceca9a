"""Officers see the Wagtail admin in Vietnamese; one who chose English in Wagtail sees English.

Wagtail's own Vietnamese catalogue leaves most of the admin in English; the supplement in
locale/wagtail_admin/ fills it in. These tests read what an officer reads: the text of the page,
and the sidebar menu, which Wagtail sends as JSON for its JavaScript to draw.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from wagtail.users.models import UserProfile

from cms.models import HomePage
from tests.factories import UserFactory, enrolled_in_two_factor

pytestmark = pytest.mark.django_db

SUPPLEMENTS = Path(settings.BASE_DIR) / "locale"
SIDEBAR_PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.DOTALL
)

# Sidebar menu items and the account menu, in both languages.
MENU = {
    "vi": ["Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Cài đặt", "Trợ giúp", "Đăng xuất"],
    "en": ["Pages", "Images", "Documents", "Reports", "Settings", "Help", "Log out"],
}
# The page editor's tab, its slug field (on the content tab: cms/slugs.py), and the actions in its
# footer and header.
EDITOR = {
    "vi": ["Nội dung", "Đường dẫn", "Lưu bản nháp", "Xuất bản", "Ngừng xuất bản", "Xem trước"],
    "en": ["Content", "Slug", "Save draft", "Publish", "Unpublish", "Preview"],
}
# The actions offered on a row of the page listing.
LISTING = {
    "vi": ["Sửa", "Xem trang đã xuất bản", "Di chuyển", "Sao chép", "Xóa", "Lịch sử"],
    "en": ["Edit", "View live", "Move", "Copy", "Delete", "History"],
}


class _TextNodes(HTMLParser):
    """Collects the text a browser shows: every text node outside <script> and <style>."""

    def __init__(self):
        super().__init__()
        self.nodes = set()
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._hidden:
            self.nodes.add(text)


def text_nodes(response):
    parser = _TextNodes()
    parser.feed(response.content.decode())
    return parser.nodes


def sidebar_labels(response):
    props = json.loads(SIDEBAR_PROPS.search(response.content.decode()).group(1))
    labels = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str):
                labels.add(value["label"])
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return labels


def other(language):
    return "en" if language == "vi" else "vi"


@pytest.fixture
def home(home_pages):
    return HomePage.objects.get(locale__language_code="vi")


@pytest.fixture(params=["vi", "en"])
def language(request):
    return request.param


@pytest.fixture
def officer_client(client, language):
    """A superuser signed in; "en" is chosen in Wagtail's account preferences, "vi" is the default."""
    user = enrolled_in_two_factor(UserFactory(is_staff=True, is_superuser=True))
    if language == "en":
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    client.force_login(user)
    return client


def test_dashboard_menu_speaks_the_officers_language(officer_client, language):
    response = officer_client.get("/admin/")

    assert response.status_code == 200
    labels = sidebar_labels(response)
    assert set(MENU[language]) <= labels
    assert not set(MENU[other(language)]) & labels
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", ["vi"])
def test_vietnamese_dashboard_names_what_the_site_holds(officer_client, home):
    nodes = text_nodes(officer_client.get("/admin/"))

    # Counts follow the demo content; the words around them are what is translated.
    counted = {node.split(" ", 1)[1] for node in nodes if node.split(" ", 1)[0].isdigit() and " " in node}
    assert {"Tóm tắt trang web", "Từ khóa tìm kiếm"} <= nodes
    assert {"Hình ảnh", "Tài liệu"} <= counted
    assert not {"Site summary", "Search term"} & nodes
    assert not {"Images", "Documents"} & counted


def test_page_listing_actions_speak_the_officers_language(officer_client, language, home):
    nodes = text_nodes(officer_client.get("/admin/pages/"))

    assert set(LISTING[language]) <= nodes
    assert not set(LISTING[other(language)]) & nodes


def test_page_editor_speaks_the_officers_language(officer_client, language, home):
    nodes = text_nodes(officer_client.get(f"/admin/pages/{home.pk}/edit/"))

    assert set(EDITOR[language]) <= nodes
    assert not set(EDITOR[other(language)]) & nodes


@pytest.mark.parametrize("language", ["vi"])
def test_publishing_confirms_in_vietnamese(officer_client, home):
    form = {
        "title": home.title,
        "slug": home.slug,
        "intro": "Giới thiệu mới",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }

    response = officer_client.post(f"/admin/pages/{home.pk}/edit/", form, follow=True)

    assert f"Đã xuất bản trang '{home.title}'." in text_nodes(response)
    home.refresh_from_db()
    assert home.intro == "Giới thiệu mới"


def test_sidebar_script_strings_speak_the_officers_language(officer_client, language):
    """The sidebar, editor and comments draw some words in JavaScript, from Wagtail's JS catalogue."""
    catalogue = officer_client.get("/admin/jsi18n/").content.decode()

    for english, vietnamese in [("Main menu", "Menu chính"), ("Loading…", "Đang tải…")]:
        assert (json.dumps(vietnamese) in catalogue) is (language == "vi"), english


def _english_catalogues(package, domain):
    return Path(package.__file__).parent.rglob(f"locale/en/LC_MESSAGES/{domain}.po")


def _messages(catalogue, only_from=None):
    return {
        (entry.msgid, entry.msgid_plural)
        for entry in polib.pofile(catalogue)
        if only_from is None or any(path == only_from for path, _line in entry.occurrences)
    }


@pytest.mark.parametrize("folder", ["wagtail_admin", "wagtail_localize"])
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_supplement_translates_only_wagtails_own_messages(folder, domain):
    """After a Wagtail upgrade, a msgid Wagtail reworded would silently stop translating anything."""
    known = set()
    for package in (wagtail, wagtail_localize):
        for catalogue in _english_catalogues(package, domain):
            known |= _messages(catalogue)
    if domain == "django":
        # Django's "3 hours" strings: Wagtail's listings show them, Django's vi lacks them.
        english = Path(django.__file__).parent / "conf/locale/en/LC_MESSAGES/django.po"
        known |= _messages(english, only_from="utils/timesince.py")

    supplement = polib.pofile(SUPPLEMENTS / folder / "vi" / "LC_MESSAGES" / f"{domain}.po")
    unknown = [entry.msgid for entry in supplement if (entry.msgid, entry.msgid_plural) not in known]
    assert not unknown, f"not Wagtail's messages (any more?): {unknown}"
    assert not supplement.untranslated_entries()
    assert not supplement.fuzzy_entries()
