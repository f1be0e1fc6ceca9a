"""Each role finds its way: its header, where it lands after signing in, its way out, and pages
that say "not for you" in the reader's language instead of a bare error or a redirect loop."""

import json
import logging
import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.models import Role
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory, VillageFactory
from tests.factories_teams import MemberFactory, TeamFactory, leader_of
from tests.factories_trainings import SessionFactory
from tests.totp import totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


@pytest.fixture
def team():
    return TeamFactory(village=VillageFactory(commune=CommuneFactory(name="Xã Bát Tràng")))


def member_of(team, **fields):
    member = MemberFactory(team=team, **fields)
    member.user = UserFactory(email=None, phone=member.phone, full_name=member.full_name)
    member.save()
    return member.user


def person(kind, team):
    """A person of each role; officers and editors enrolled in two-factor by the factory."""
    if kind == "leader":
        return leader_of(team)
    if kind == "member":
        return member_of(team)
    if kind == "commune_officer":
        return RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=team.commune).user
    if kind == "province_officer":
        return RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=team.commune.province).user
    if kind == "national_admin":
        return RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    if kind == "editor":
        return RoleAssignmentFactory(role=Role.CONTENT_EDITOR).user
    raise ValueError(kind)


def header_links(html):
    """(label, href, is current) of the main navigation, as a reader's screen reader lists them."""
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)
    return [(label, href, bool(current)) for href, current, label in links]


# THE HEADER


@pytest.mark.parametrize(
    ("kind", "path", "expected"),
    [
        (
            None,
            "/vi/trainings/",
            [
                ("Hướng dẫn", "/vi/", False),
                ("Tập huấn", "/vi/trainings/", True),
                ("Tìm tổ của bạn", "/vi/find-your-team/", False),
                ("Hỏi chuyên gia", "/vi/questions/", False),
            ],
        ),
        (
            None,
            "/vi/questions/",
            [
                ("Hướng dẫn", "/vi/", False),
                ("Tập huấn", "/vi/trainings/", False),
                ("Tìm tổ của bạn", "/vi/find-your-team/", False),
                ("Hỏi chuyên gia", "/vi/questions/", True),
            ],
        ),
        (
            "leader",
            "/vi/team/",
            [
                ("Tổ của tôi", "/vi/team/", True),
                ("Ghi nhận buổi hỗ trợ", "/vi/team/log/", False),
                ("Tập huấn", "/vi/team/trainings/", False),
            ],
        ),
        ("member", "/en/team/", [("My team", "/en/team/", True), ("Trainings", "/en/trainings/", False)]),
        (
            "commune_officer",
            "/vi/trainings/",
            [("Bảng số liệu", "/vi/dashboard/", False), ("Quản trị", "/admin/", False)],
        ),
        ("editor", "/en/", [("Admin", "/admin/", False), ("Guides", "/en/", True)]),
    ],
)
def test_each_role_sees_its_own_links_in_the_header(client, team, kind, path, expected, home_pages):
    if kind:
        client.force_login(person(kind, team))
    html = client.get(path).content.decode()
    assert header_links(html) == expected
    # Signed-in people sign out with a form (POST with its CSRF token), never a link.
    has_sign_out = re.search(
        r'<form class="sign-out" action="/accounts/logout/" method="post">\s*<input type="hidden" name="csrfmiddlewaretoken"',
        html,
    )
    assert bool(has_sign_out) == bool(kind)


def test_the_language_switch_names_the_other_language_in_its_own_words_on_every_page(
    client, team, home_pages
):
    client.force_login(leader_of(team))
    for path, label, target in [
        ("/vi/team/", "English", "/en/team/"),
        ("/en/team/", "Tiếng Việt", "/vi/team/"),
        ("/vi/trainings/", "English", "/en/trainings/"),
    ]:
        html = client.get(path).content.decode()
        assert f'<a href="{target}" hreflang="{target[1:3]}" lang="{target[1:3]}">{label}</a>' in html
    # Pages without a language prefix switch through a form, with the same label.
    client.logout()
    client.cookies.load({"django_language": "vi"})
    html = client.get("/accounts/login/").content.decode()
    assert re.search(
        r'<button type="submit" name="language" value="en" lang="en" class="link">English</button>', html
    )
    assert "Tiếng Anh" not in html


def test_the_home_page_links_to_trainings_finding_a_team_and_the_experts(client, home_pages):
    html = client.get("/vi/").content.decode()
    assert ("Tập huấn", "/vi/trainings/", False) in header_links(html)
    assert ("Tìm tổ của bạn", "/vi/find-your-team/", False) in header_links(html)
    # The forum had no way in from the public site (found by the demo walk).
    assert ("Hỏi chuyên gia", "/vi/questions/", False) in header_links(html)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_signing_out_is_a_post_and_closes_the_team_area(team, language):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(leader_of(team))
    page = browser.get(f"/{language}/team/").content.decode()
    form = re.search(r'<form class="sign-out".*?</form>', page, re.S).group(0)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]+)"', form))
    # A link or a forged form cannot sign anyone out.
    assert browser.get("/accounts/logout/").status_code == 200
    assert browser.post("/accounts/logout/").status_code == 403
    assert browser.get("/vi/team/").status_code == 200
    # The form's fields: its token, and the citizens' home in the page's language to land on.
    response = browser.post("/accounts/logout/", fields)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    closed = browser.get(f"/{language}/team/")
    assert closed.status_code == 302
    assert closed["Location"].startswith("/accounts/login/")


# WHERE EACH ROLE LANDS AFTER SIGNING IN


def sign_in_by_phone(client, phone, capsys, django_capture_on_commit_callbacks, next_url=None):
    """The real phone sign-in: the number, then the code from the text the outbox printed."""
    url = reverse("account_request_login_code") + (f"?next={next_url}" if next_url else "")
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(url, {"phone": phone})
    code = re.findall(r"\b(\d{6})\b", capsys.readouterr().out)[-1]
    # The code page, as the browser is sent there (it carries `next` along).
    return client.post(asked["Location"], {"code": code})


def sign_in_with_password_and_totp(client, user, next_url=None):
    """The real staff sign-in: email and password, then the authenticator app's current code."""
    Authenticator.objects.filter(user=user).delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    data = {"login": user.email, "password": "a-long-test-password"}
    if next_url:
        data["next"] = next_url
    response = client.post(reverse("account_login"), data)
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    return client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})


@pytest.mark.parametrize(
    ("kind", "language", "landing"),
    [("leader", "vi", "/vi/team/"), ("leader", "en", "/en/team/"), ("member", "vi", "/vi/team/")],
)
def test_team_people_land_in_their_team_area_in_their_language(
    client, team, kind, language, landing, capsys, django_capture_on_commit_callbacks
):
    user = person(kind, team)
    user.preferred_language = language
    user.save()
    response = sign_in_by_phone(client, user.phone, capsys, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == landing
    assert client.get(landing).status_code == 200


@pytest.mark.parametrize(
    ("kind", "landing"),
    [
        ("commune_officer", "/vi/dashboard/"),
        ("province_officer", "/vi/dashboard/"),
        ("national_admin", "/vi/dashboard/"),
        ("editor", "/admin/"),
    ],
)
def test_staff_land_where_their_work_is(client, team, kind, landing):
    response = sign_in_with_password_and_totp(client, person(kind, team))
    assert response.status_code == 302
    assert response["Location"] == landing
    assert client.get(landing, follow=True).status_code == 200


def test_a_safe_next_still_wins_and_an_outside_one_is_ignored(
    client, team, capsys, django_capture_on_commit_callbacks
):
    leader = leader_of(team)
    response = sign_in_by_phone(
        client, leader.phone, capsys, django_capture_on_commit_callbacks, "/vi/trainings/"
    )
    assert response["Location"] == "/vi/trainings/"
    client.logout()
    officer = person("commune_officer", team)
    response = sign_in_with_password_and_totp(client, officer, next_url="https://evil.example/steal")
    assert response["Location"] == "/vi/dashboard/"


# THE ADMIN IS FOR OFFICERS


@pytest.mark.parametrize(("kind", "language"), [("leader", "vi"), ("member", "en")])
def test_team_people_opening_the_admin_get_a_page_not_a_redirect_loop(client, team, kind, language):
    user = person(kind, team)
    user.preferred_language = language
    user.save()
    client.force_login(user)
    for path in ("/admin/", "/admin/trainings/sessions/"):
        response = client.get(path, follow=True)
        assert response.status_code == 403
        assert len(response.redirect_chain) == 0
        html = response.content.decode()
        title = {"vi": "Khu quản trị dành cho cán bộ", "en": "The admin is for officers"}[language]
        assert f"<h1>{title}</h1>" in html
        assert f'href="/{language}/team/"' in html


@pytest.mark.parametrize("how", ["came from an English page", "chose English with the switch"])
def test_the_admin_refusal_is_in_the_language_the_member_is_reading(client, team, how):
    client.force_login(person("member", team))  # the account's language is the default, Vietnamese
    if how == "came from an English page":
        response = client.get("/admin/", HTTP_REFERER="http://testserver/en/team/")
    else:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>The admin is for officers</h1>" in html
    assert 'href="/en/team/"' in html
    # A referer on another site says nothing about the reader.
    client.cookies.clear()
    client.force_login(person("member", team))
    outside = client.get("/admin/", HTTP_REFERER="https://elsewhere.example/en/")
    assert "<h1>Khu quản trị dành cho cán bộ</h1>" in outside.content.decode()


@pytest.mark.parametrize(
    ("kind", "language"), [("commune_officer", "vi"), ("province_officer", "en"), ("national_admin", "vi")]
)
def test_officers_find_their_dashboard_in_the_admin_menu(client, team, kind, language):
    """The admin speaks the language chosen in its account settings; the link follows it."""
    user = person(kind, team)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    label = {"vi": "Bảng số liệu", "en": "Dashboards"}[language]
    assert (label, f"/{language}/dashboard/") in menu_links(response)


def test_an_editor_has_no_dashboard_in_the_admin_menu(client, team):
    client.force_login(person("editor", team))
    assert not [url for _label, url in menu_links(client.get("/admin/")) if "/dashboard/" in url]


def menu_links(response):
    """(label, url) of the admin menu, from the JSON Wagtail hands its JavaScript to draw it."""
    html = response.content.decode()
    props = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1))
    links = []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str) and isinstance(value.get("url"), str):
                links.append((value["label"], value["url"]))
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return links


def test_an_anonymous_visitor_is_still_sent_to_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert response.status_code == 200


# 403, 404 AND 500 IN THE SITE'S STYLE AND THE READER'S LANGUAGE


@pytest.mark.parametrize("kind", ["leader", "member", "editor"])
@pytest.mark.parametrize(
    ("language", "title", "own_area"),
    [
        ("vi", "Bạn không được mở trang này", "Về khu vực của bạn"),
        ("en", "You may not open this page", "Go to your own area"),
    ],
)
def test_the_dashboard_refuses_others_with_a_styled_page_in_their_language(
    client, team, kind, language, title, own_area
):
    user = person(kind, team)
    client.force_login(user)
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert 'class="site-header"' in html
    assert own_area in html
    assert "403 Forbidden" not in html


def test_a_refusal_is_logged_in_one_line_without_a_traceback(client, team, caplog):
    client.force_login(member_of(team))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/vi/dashboard/")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /vi/dashboard/"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize(
    ("path", "title"),
    [("/vi/khong-co-trang-nay/", "Không tìm thấy trang"), ("/en/no-such-page/", "Page not found")],
)
def test_a_missing_page_is_styled_in_the_readers_language(client, path, title, home_pages):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert 'class="site-header"' in html


@pytest.mark.parametrize(("language", "title"), [("vi", "Đã có lỗi xảy ra"), ("en", "Something went wrong")])
def test_the_server_error_page_needs_neither_a_request_context_nor_the_database(
    rf, language, title, django_assert_num_queries
):
    from django.utils import translation

    from config.views import server_error

    with translation.override(language), django_assert_num_queries(0):
        response = server_error(rf.get(f"/{language}/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html


# OFFICERS IN THE ADMIN'S TRAININGS


@pytest.mark.parametrize("kind", ["commune_officer", "province_officer"])
def test_officers_open_admin_trainings_and_see_only_their_units_sessions(client, team, kind):
    own = SessionFactory(commune=team.commune)
    elsewhere = SessionFactory(commune=CommuneFactory())
    client.force_login(person(kind, team))
    listing = client.get("/admin/trainings/sessions/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"/admin/trainings/sessions/edit/{own.pk}/" in html
    assert f"/admin/trainings/sessions/{own.pk}/attendance.xlsx" in html
    assert f"/admin/trainings/sessions/edit/{elsewhere.pk}/" not in html
    assert client.get(f"/admin/trainings/sessions/edit/{own.pk}/").status_code == 200
    # Outside their unit: not found (LocaleMiddleware passes the 404 through /vi/ first).
    assert client.get(f"/admin/trainings/sessions/edit/{elsewhere.pk}/", follow=True).status_code == 404
    assert (
        client.get(f"/admin/trainings/sessions/{elsewhere.pk}/attendance.xlsx", follow=True).status_code
        == 404
    )
    assert client.get("/admin/trainings/registrations/").status_code == 200
    # A new session can only be placed in their own unit.
    form = client.get("/admin/trainings/sessions/new/").context["form"]
    communes = form.fields["commune"].queryset
    assert team.commune in communes
    assert elsewhere.commune not in communes
    # Courses are the national catalogue: not theirs to change.
    assert client.get("/admin/trainings/courses/").status_code == 302


def test_an_editor_does_not_get_the_trainings_admin(client, team):
    client.force_login(person("editor", team))
    assert client.get("/admin/trainings/sessions/").status_code == 302


@pytest.mark.parametrize(
    ("kind", "href"), [("leader", "/vi/team/trainings/"), ("member", "/vi/trainings/?place=")]
)
def test_the_team_area_links_to_the_teams_trainings(client, team, kind, href):
    client.force_login(person(kind, team))
    html = client.get("/vi/team/").content.decode()
    link = re.search(r'<a id="team-trainings" href="([^"]+)">([^<]+)</a>', html)
    assert link.group(1).startswith(href)
    assert link.group(2) == "Buổi tập huấn tại Xã Bát Tràng"
    session = SessionFactory(commune=team.commune)
    assert session.course.title_vi in client.get(link.group(1).replace("&amp;", "&")).content.decode()
