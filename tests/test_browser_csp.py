"""Every page loads under its Content-Security-Policy in a real Chromium: no script, style or
image refused, public pages and the Wagtail admin alike, and our scripts still do their work."""

import time

import pytest

from accounts.models import Role
from cms.models import GuidePage
from tests.factories import CommuneFactory, RoleAssignmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium reports each refusal as a securitypolicyviolation event (and a console error).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.effectiveDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def watched(browser):
    """A page that records every CSP refusal, from the event and from the console."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(f"page error: {error}"))

    def refusals():
        events = page.evaluate("window.__violations")
        return events + [
            text for text in console if "Content Security Policy" in text or "page error" in text
        ]

    page.refusals = refusals
    yield page
    context.close()


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, url
    assert "script-src" in response.headers["content-security-policy"]
    return response


def test_public_pages_load_with_no_refusal_and_their_scripts_work(watched, live_server, home_pages):
    CommuneFactory()  # a province to choose on the finder
    guide = GuidePage.objects.live().filter(locale__language_code="vi").first()
    for path in ["/vi/", "/en/", guide.url, "/vi/trainings/", "/accounts/login/", "/accounts/login/code/"]:
        response = visit(watched, live_server.url + path)
        assert (
            "'unsafe-inline'"
            not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
        )
        assert watched.refusals() == [], path
    # The guide page again, from the page cache: still nothing refused.
    visit(watched, live_server.url + guide.url)
    assert watched.refusals() == []

    # site.js runs: choosing a province on the finder submits the form by itself.
    visit(watched, f"{live_server.url}/vi/find-your-team/")
    watched.locator("#province").select_option(index=1)
    watched.wait_for_url("**province=*")
    assert watched.refusals() == []


@pytest.fixture
def admin_page(watched, client, live_server, settings):
    """A national administrator who signed in with password and authenticator, session copied in."""
    user = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN, user__is_staff=True, user__is_superuser=True).user
    client.force_login(user)
    session = client.session
    # allauth's record of how this session signed in: password, then the second factor.
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "type": "totp", "at": time.time()},
    ]
    session.save()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    watched.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return watched


def test_the_wagtail_and_django_admins_load_with_no_refusal(admin_page, live_server, home_pages):
    guide = GuidePage.objects.live().filter(locale__language_code="vi").first()
    for path in [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{guide.pk}/edit/",  # StreamField, inline panels, the rich-text editor
        "/admin/rosters/",
        "/django-admin/",
    ]:
        visit(admin_page, live_server.url + path)
        assert admin_page.refusals() == [], path
    # The editor's scripts ran: the page's StreamField blocks are drawn by JavaScript.
    visit(admin_page, f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    assert admin_page.locator("[data-streamfield-stream-container]").count() > 0
