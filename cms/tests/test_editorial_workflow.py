"""The content editor writes a guide, publishes it, translates it into English and publishes that.

Everything goes through the admin's own views as the editor's browser drives them: sign-in with
password and authenticator code, Wagtail's page editor, wagtail-localize's "Translate" form, the
translation editor's segment API and its publish button. Editors publish themselves (docs/guides.md):
no approval step stands between them and the reader.
"""

import html
import json
import re

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.models import Role
from cms.models import GuidePage
from tests.factories import RoleAssignmentFactory, UserFactory, sign_in_with_authenticator
from tests.factories_cms import vietnamese_topic

pytestmark = pytest.mark.django_db

TRANSLATION_PROPS = re.compile(r'class="js-translation-editor" data-props="([^"]*)"')


@pytest.fixture
def editor(client, home_pages):
    user = RoleAssignmentFactory(
        user=UserFactory(email="bientap@example.vn"), role=Role.CONTENT_EDITOR, two_factor=False
    ).user
    sign_in_with_authenticator(client, user.email)
    return user


@pytest.fixture
def guide(home_pages):
    page = GuidePage(
        title="Đăng ký tài khoản định danh",
        slug="dang-ky-tai-khoan",
        summary="Các bước đăng ký.",
        body=json.dumps([{"type": "paragraph", "value": "<p>Mở ứng dụng VNeID.</p>"}]),
    )
    vietnamese_topic().add_child(instance=page)
    page.save_revision().publish()
    return page


def edit_form(guide, paragraph, action):
    return nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "summary": guide.summary,
            "body": streamfield([("paragraph", rich_text(paragraph))]),
            "reviewed_by": "",
            "last_reviewed": "",
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            action: action.removeprefix("action-"),
        }
    )


def translation_editor_props(response):
    return json.loads(html.unescape(TRANSLATION_PROPS.search(response.content.decode()).group(1)))


def test_a_fresh_site_has_no_approval_step_in_front_of_the_guides(home_pages):
    guides = vietnamese_topic()

    assert guides.get_workflow() is None
    assert not Workflow.objects.filter(active=True).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_the_editor_publishes_a_guide_and_its_english_translation(
    client, editor, guide, django_capture_on_commit_callbacks
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[guide.pk])

    # The guide's edit page offers "Xuất bản" as its main button, not a submission for approval.
    page = client.get(edit_url)
    assert page.context["action_menu"].default_item.name == "action-publish"
    assert "Xuất bản" in page.content.decode()
    assert "Moderators approval" not in page.content.decode()

    response = client.post(
        edit_url, edit_form(guide, "<p>Mở ứng dụng VNeID trên điện thoại.</p>", "action-publish")
    )
    assert response.status_code == 302
    guide.refresh_from_db()
    assert "trên điện thoại" in str(guide.body)
    assert client.get(guide.url).status_code == 200

    # "Dịch" (wagtail-localize's Translate action) into English.
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    translated = guide.get_translation(english)

    # The translation editor: its main button publishes; converting to an alias is not offered first.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    props = translation_editor_props(response)
    assert props["perms"]["canPublish"] is True
    segment = next(s for s in props["segments"] if "trên điện thoại" in s.get("source", ""))

    english_text = "Open the VNeID app on your phone."
    response = client.put(
        segment["editUrl"],
        encode_multipart(BOUNDARY, {"value": english_text}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code == 201  # the translated segment is stored

    # wagtail-localize publishes once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}, follow=True
        )
    assert "Đã xuất bản" in response.content.decode()

    translated = Page.objects.get(pk=translated.pk).specific
    assert translated.live
    reader = client.get(translated.url)
    assert english_text in reader.content.decode()
    assert "trên điện thoại" not in reader.content.decode()
