"""Steps shared by the journey tests (tests/test_browser_journeys*.py), in the language of the run.

Expected words come from the project's own catalogues (`say`), and a Vietnamese run refuses an
expectation that is still the English msgid: a missing translation fails the journey instead of
being looked for, and found, in English.
"""

import re

from django.conf import settings
from django.utils import translation

from tests.photos import photograph

LANGUAGES = ["vi", "en"]
# The phone most of our users have, in CSS pixels. Drawn at one device pixel per CSS pixel: the
# layout is the same as at 2, and Chromium painted a quarter of the pixels (the browser tests
# took 124 s of CPU at 2, 103 s at 1).
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 1, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def say(language, msgid, **values):
    """`msgid` as the site shows it in `language`; in Vietnamese it must really be translated."""
    with translation.override(language):
        text = translation.gettext(msgid)
    if language != "en":
        assert text != msgid, f"no {language} translation for {msgid!r}"
    return text % values if values else text


class Journey:
    """One browser context in one language, photographing every step into `output_dir` (TEST_PHOTOS=1)."""

    def __init__(self, browser, live_server, output_dir, language, device=PHONE):
        self.context = browser.new_context(accept_downloads=True, **device)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.url = live_server.url
        self.output_dir = output_dir
        self.language = language
        self.steps = 0
        # Pages without a language prefix (/accounts/…, /admin/) follow the reader's choice, kept in a cookie.
        self.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": self.url}]
        )

    def say(self, msgid, **values):
        return say(self.language, msgid, **values)

    def open(self, path):
        self.page.goto(f"{self.url}{path}")
        return self.page

    def step(self, name):
        """A screenshot of the step just taken, with TEST_PHOTOS=1: test-results/<test>/<n>-<name>.png."""
        self.steps += 1
        photograph(self.page, self.output_dir / f"{self.steps:02d}-{name}.png")

    def heading(self):
        return self.page.locator("h1").first.inner_text().strip()

    def messages(self):
        return self.page.locator(".messages").inner_text()

    def fits_a_phone(self):
        return self.page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]

    def close(self):
        self.context.close()


def sign_in_with_phone_code(journey, fake_twilio, typed_number):
    """The phone sign-in pages in the journey's language; the code read from the SMS sent."""
    page = journey.page
    sent_before = len(fake_twilio.accepted)
    journey.open("/accounts/login/")
    assert journey.heading() == journey.say("Sign in")
    page.get_by_role("link", name=journey.say("Sign in with my phone number")).click()
    page.wait_for_url("**/accounts/login/code/")
    assert journey.heading() == journey.say("Sign in with your phone")
    page.locator("input[name=phone]").fill(typed_number)
    journey.step("phone-number")
    page.get_by_role("button", name=journey.say("Send me a code")).click()
    page.wait_for_url("**/accounts/login/code/confirm/")
    assert journey.heading() == journey.say("Enter your code")
    code = re.search(r"\b(\d{6})\b", fake_twilio.accepted[sent_before]["body"]).group(1)
    page.locator("input[name=code]").fill(code)
    journey.step("code")
    page.locator("form:has(input[name=code]) button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def sign_out(journey):
    """The header's sign-out button; back on the citizens' home page with nobody signed in."""
    page = journey.page
    page.locator("nav.site-nav").get_by_role("button", name=journey.say("Sign out")).click()
    page.wait_for_url(f"**/{journey.language}/")
    assert page.locator("nav.site-nav").get_by_role("button", name=journey.say("Sign out")).count() == 0
    journey.step("signed-out")
