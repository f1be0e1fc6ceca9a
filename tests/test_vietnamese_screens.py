"""Screens a citizen, an editor and an officer see in Vietnamese carry no English left over.

Our own strings are checked by tests/test_translations.py. Third-party words (allauth's sign-in,
Wagtail's admin, wagtail-localize's translation screens) are checked here, where they show: each
screen is rendered in Vietnamese and every text a reader sees is compared with the English msgids
of those packages that no loaded catalogue translates into Vietnamese. A supplementary catalogue
losing an entry, a package upgrade rewording one, or a page starting to show a new one fails here.
"""

import html
import json
import re
from functools import cache
from pathlib import Path

import allauth
import polib
import pytest
import wagtail
import wagtail_localize
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.models import Role
from cms.models import GuideFeedback
from tests.factories import (
    RoleAssignmentFactory,
    UserFactory,
    enrolled_in_two_factor,
    sign_in_with_authenticator,
)
from tests.factories_cms import demo_guide, vietnamese_topic
from tests.test_admin_language import text_nodes

pytestmark = pytest.mark.django_db

PACKAGES = (allauth, wagtail, wagtail_localize)
# The same word in both languages: not a leftover.
SAME_IN_VIETNAMESE = {"Email", "OK", "ID", "URL", "QR", "PO", "Video", "Logo", "Internet", "Wagtail"}
# Python values printed inside a sentence ("1-10 trong số 10 None"). A node that is only "None" is
# Wagtail's hidden side-panel counter; bare True/False cells are checked where they can appear.
PYTHON_VALUES = re.compile(r"\S\s+(None|True|False)\b|\b(None|True|False)\s+\S")


def _vietnamese(entry):
    if entry.msgctxt:
        return translation.pgettext(entry.msgctxt, entry.msgid)
    if entry.msgid_plural:
        return translation.ngettext(entry.msgid, entry.msgid_plural, 1)
    return translation.gettext(entry.msgid)


def _pattern(msgid):
    """A msgid as the whole of a text node: placeholders (%(name)s, {name}, %s) stand for anything."""
    placeholders = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    parts = [re.escape(" ".join(part.split())) for part in placeholders.split(msgid)]
    return ".+?".join(parts)


@cache
def untranslated_english():
    """One pattern matching any msgid of the packages that stays English in Vietnamese."""
    english = set()
    with translation.override("vi"):
        for package in PACKAGES:
            for catalogue in Path(package.__file__).parent.rglob("locale/en/LC_MESSAGES/django.po"):
                for entry in polib.pofile(catalogue):
                    words = re.sub(r"%\(\w+\)[sd]|\{\w*\}|<[^>]+>", "", entry.msgid)
                    if not re.search(r"[A-Za-z]{2}", words) or entry.msgid in SAME_IN_VIETNAMESE:
                        continue
                    if _vietnamese(entry) == entry.msgid:
                        english.add(entry.msgid)
    return re.compile("|".join(f"(?:{_pattern(msgid)})" for msgid in sorted(english, key=len, reverse=True)))


def english_left(response):
    assert response.status_code == 200, response.status_code
    pattern = untranslated_english()
    return sorted(
        node for node in text_nodes(response) if pattern.fullmatch(node) or PYTHON_VALUES.search(node)
    )


@pytest.fixture
def screens(home_pages):
    guide = demo_guide()
    GuideFeedback.objects.create(guide=guide, helpful=True, comment="Rất dễ hiểu", language="vi")
    GuideFeedback.objects.create(guide=guide, helpful=False, comment="", language="vi")
    return guide


def test_a_citizen_signing_in_reads_vietnamese_only(client, screens):
    for path in ["/vi/", screens.url, reverse("account_login"), reverse("account_request_login_code")]:
        assert english_left(client.get(path, HTTP_ACCEPT_LANGUAGE="vi")) == [], path

    sign_in = text_nodes(client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="vi"))
    assert {"Email hoặc số điện thoại", "Quên mật khẩu?"} <= sign_in
    assert "English" in sign_in  # the language switch names English in English, as on every page
    assert "Tiếng Anh" not in sign_in


def test_allauth_confirms_two_factor_changes_in_vietnamese():
    """allauth renders these messages from its templates once the request's transaction commits
    (after a test client's response, so they are checked as allauth renders them)."""
    with translation.override("vi"):
        said = [
            render_to_string(f"mfa/messages/{name}.txt").strip()
            for name in ("totp_activated", "totp_deactivated")
        ]
    assert said == ["Đã bật ứng dụng xác thực.", "Đã tắt ứng dụng xác thực."]


def test_an_editor_reads_vietnamese_from_sign_in_to_the_translation_editor(screens):
    editor = Client()
    user = RoleAssignmentFactory(user=UserFactory(), role=Role.CONTENT_EDITOR, two_factor=False).user
    enrolled = sign_in_with_authenticator(editor, user.email)
    assert english_left(enrolled) == []

    english = screens.get_translation(Locale.objects.get(language_code="en"))
    feedback = editor.get(reverse("cms_guidefeedback:index"))
    for path in [
        "/admin/",
        reverse("wagtailadmin_explore", args=[vietnamese_topic().pk]),
        reverse("wagtailadmin_pages:edit", args=[screens.pk]),
        reverse("wagtailadmin_pages:edit", args=[english.pk]),
        reverse("wagtail_localize:submit_page_translation", args=[screens.pk]),
    ]:
        assert english_left(editor.get(path)) == [], path
    assert english_left(feedback) == []
    assert {"Có", "Không"} <= text_nodes(feedback)
    assert not {"True", "False"} & text_nodes(feedback)

    # The translation editor draws its buttons in JavaScript, from wagtail-localize's JS catalogue.
    catalogue = editor.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    words = json.loads(re.search(r"const newcatalog = (\{.*?\});", catalogue, re.DOTALL).group(1))
    source = Path(wagtail_localize.__file__).parent / "locale/en/LC_MESSAGES/djangojs.po"
    untranslated = [
        entry.msgid for entry in polib.pofile(source) if entry.msgid and not words.get(entry.msgid)
    ]
    assert untranslated == []
    assert words["Convert to alias page"] != "Convert to alias page"


def test_an_officer_reads_the_workflow_screens_in_vietnamese(screens):
    officer = Client()
    user = UserFactory(is_staff=True, is_superuser=True)
    sign_in_with_authenticator(officer, user.email)

    for path in [
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_pages:edit", args=[screens.pk]),
    ]:
        assert english_left(officer.get(path)) == [], path

    with translation.override("vi"):
        assert (
            translation.gettext("%(label)s and Publish") % {"label": "Phê duyệt"} == "Phê duyệt và xuất bản"
        )


# THE ADMIN OFFICERS AND EDITORS USE


def _admin_world():
    """A row in each listing officers open, so each shows its columns, not only its empty state."""
    from accounts.access_log import record_access
    from messaging.models import Purpose
    from messaging.outbox import queue_sms
    from tests.factories import CommuneFactory, ProvinceFactory
    from tests.factories_teams import MemberFactory, TeamFactory
    from tests.factories_trainings import SessionFactory

    commune = CommuneFactory(code="01001", province=ProvinceFactory(code="01", name="Thành phố Hà Nội"))
    team = TeamFactory(commune=commune)
    MemberFactory(team=team)
    SessionFactory(commune=commune)
    queue_sms("0912345678", "Họp tổ", purpose=Purpose.NOTICE, idempotency_key="n", commune=commune)
    officer = RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=commune.province).user
    record_access(officer, "monthly_report", rows=3)
    return commune


OFFICER_PAGES = [
    "/admin/",
    "/admin/roles/",
    "/admin/outbox/",
    "/admin/trainings/sessions/",
    "/admin/trainings/sessions/new/",
    "/admin/trainings/registrations/",
    "/admin/trainings/courses/",
    "/admin/teams/services/",
    "/admin/rosters/",
    "/django-admin/",
]
NATIONAL_PAGES = ["/admin/access_log/", "/admin/data_breaches/"]


@pytest.mark.usefixtures("tasks_in_process")
def test_an_officer_reads_the_admin_in_vietnamese_with_no_code_or_python_value(client):
    _admin_world()
    user = enrolled_in_two_factor(UserFactory(is_staff=True, is_superuser=True))
    client.force_login(user)
    for path in OFFICER_PAGES + NATIONAL_PAGES:
        response = client.get(path)
        # The services' English names are data shown beside the Vietnamese ones.
        assert path == "/admin/teams/services/" or english_left(response) == [], path
        shown = text_nodes(response)
        assert not {"True", "False", "User", "None"} & shown, path
    log = text_nodes(client.get("/admin/access_log/"))
    assert {"báo cáo tháng", "Thành phố Hà Nội"} <= log
    assert not {"monthly_report", "province:01"} & log
    breaches = client.get("/admin/data_breaches/").content.decode()
    assert "Chưa có sự cố lộ dữ liệu nào." in breaches
    # Wagtail draws a yes/no column as an icon, named for screen readers by its value.
    for path in ("/admin/teams/services/", "/admin/trainings/courses/"):
        assert "Có" in text_nodes(client.get(path)), path


@pytest.mark.usefixtures("tasks_in_process")
def test_an_officer_who_chose_english_reads_the_admin_in_english(client):
    from wagtail.users.models import UserProfile

    _admin_world()
    user = enrolled_in_two_factor(UserFactory(is_staff=True, is_superuser=True))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    log = text_nodes(client.get("/admin/access_log/"))
    assert {"monthly report", "Thành phố Hà Nội"} <= log  # a place keeps its name
    assert {"Person", "Role"} <= text_nodes(client.get("/admin/roles/"))
    assert "Yes" in text_nodes(client.get("/admin/trainings/courses/"))
    menu = client.get("/admin/").content.decode()
    assert "Bảng số liệu" not in menu
    assert "Dashboards" in menu


def test_the_translation_editor_gets_our_words_for_its_two_english_labels(screens):
    editor = Client()
    user = RoleAssignmentFactory(user=UserFactory(), role=Role.CONTENT_EDITOR, two_factor=False).user
    sign_in_with_authenticator(editor, user.email)
    english = screens.get_translation(Locale.objects.get(language_code="en"))
    translation_page = editor.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    words = json.loads(
        html.unescape(re.search(r'localize_words[^"]*" data-words="([^"]+)"', translation_page).group(1))
    )
    assert words == {"more": "Thao tác khác", "tab": "Bản dịch từ {source} sang {target}"}
