"""Guides editors create get slugs without diacritics; the slug of a translation is on the tab the
translator works in; language links and hreflang point at each language's own page, whatever its
slug."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.models import Role
from cms.models import GuidePage
from cms.slugs import SLUG_FORMATTERS, ascii_slug
from cms.tests.test_editorial_workflow import translation_editor_props
from tests.factories import RoleAssignmentFactory, UserFactory, sign_in_with_authenticator
from tests.factories_cms import add_guide, vietnamese_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, home_pages):
    user = RoleAssignmentFactory(
        user=UserFactory(email="bientap@example.vn"), role=Role.CONTENT_EDITOR, two_factor=False
    ).user
    sign_in_with_authenticator(client, user.email)
    return user


def new_guide_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Các bước.",
            "body": streamfield([("paragraph", rich_text("<p>Không bấm vào đường dẫn lạ.</p>"))]),
            "reviewed_by": "",
            "last_reviewed": "",
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            "action-publish": "publish",
        }
    )


@pytest.mark.parametrize(
    ("typed_slug", "expected"),
    [
        ("cảnh-giác-đường-dẫn-lạ", "canh-giac-duong-dan-la"),  # typed with accents
        ("Cảnh-Giác-Đường-Dẫn", "canh-giac-duong-dan"),  # capitals too
    ],
)
def test_a_guide_created_in_the_editor_gets_a_slug_without_diacritics(client, editor, typed_slug, expected):
    topic = vietnamese_topic()
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "guidepage", topic.pk])
    response = client.post(add_url, new_guide_form("Cảnh giác đường dẫn lạ trong tin nhắn", typed_slug))
    assert response.status_code == 302
    guide = GuidePage.objects.get(title="Cảnh giác đường dẫn lạ trong tin nhắn")
    assert guide.slug == expected
    assert client.get(f"/vi/{topic.slug}/{expected}/").status_code == 200


def test_every_vietnamese_letter_has_its_base_letter_in_the_editors_slug_script():
    assert ascii_slug("Đăng ký định danh điện tử: bước 1") == "dang-ky-dinh-danh-dien-tu-buoc-1"
    letters = "ĐđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"
    mapped = {
        char: base for pattern, base in SLUG_FORMATTERS for char in letters if re.fullmatch(pattern, char)
    }
    assert mapped["Đ"] == "D"
    assert mapped["ệ"] == "e"
    assert mapped["ữ"] == "u"
    assert mapped["ỹ"] == "y"
    assert set(mapped) == set(letters)


def test_the_translations_slug_is_a_segment_on_the_content_tab_with_the_title(client, editor):
    guide = add_guide(vietnamese_topic(), "Nhận biết tin nhắn giả mạo", slug="nhan-biet-tin-nhan-gia-mao")
    english = Locale.objects.get(language_code="en")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]), {"locales": [english.pk]}
    )
    translated = guide.get_translation(english)
    props = translation_editor_props(client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])))
    tabs = {
        segment["source"]: segment["location"]["tab"]
        for segment in props["segments"]
        if segment["type"] == "string"
    }
    assert tabs["nhan-biet-tin-nhan-gia-mao"] == tabs["Nhận biết tin nhắn giả mạo"]
    assert [tab["label"] for tab in props["tabs"]] == ["Nội dung", "Cài đặt"]


def test_language_links_and_hreflang_point_at_each_languages_page_even_with_an_old_accented_slug(
    client, home_pages
):
    guide = add_guide(vietnamese_topic(), "Nhận biết tin nhắn giả mạo", slug="tam")
    # A guide saved before slugs were made ASCII keeps its accented address.
    Page.objects.filter(pk=guide.pk).update(
        slug="nhận-biết", url_path=guide.url_path.replace("tam", "nhận-biết")
    )
    guide = GuidePage.objects.get(pk=guide.pk)
    english = guide.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Spot fake texts", "spot-fake-texts"
    english.save_revision().publish()
    english_url = f"/en/{english.get_parent().slug}/spot-fake-texts/"

    page = client.get(guide.get_url()).content.decode()
    assert f'<a href="{english_url}" hreflang="en"' in page
    links = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', page)
    assert dict(links)["en"].endswith(english_url)
    back = client.get(english_url).content.decode()
    vi_link = re.search(r'<a href="([^"]+)" hreflang="vi"', back).group(1)
    assert client.get(vi_link).status_code == 200
    assert "//" not in vi_link
    assert vi_link.startswith("/vi/")
