"""Signing a browser in, for browser tests whose story starts after sign-in.

Team members sign in as they really do: their phone number typed the usual way, the 6-digit code
read from the SMS the fake Twilio server received. Officers' email, password and authenticator
sign-in is walked through end to end in test_browser_sign_in.py; tests whose story is an
officer's work afterwards get a signed-in session directly (tests/sessions.py).
"""

import re
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from tests.journey_steps import PHONE
from tests.sessions import record_completed_sign_in


def sign_in_by_phone(page, live_server, fake_twilio, typed_number):
    """Sign in with the phone sign-in form and the code from the SMS. Needs `tasks_in_process`."""
    sent_before = len(fake_twilio.accepted)
    # A Vietnamese member reads the sign-in pages in Vietnamese (their language choice, kept in a cookie).
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "vi", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/code/")
    page.get_by_label("Số điện thoại").fill(typed_number)
    page.get_by_role("button", name="Gửi mã cho tôi").click()
    page.wait_for_url("**/accounts/login/code/confirm/")
    sms = fake_twilio.accepted[sent_before]
    code = re.search(r"\b(\d{6})\b", sms["body"]).group(1)
    page.get_by_label("Mã").fill(code)
    page.get_by_role("button", name="Đăng nhập").click()
    # Wait until the code is accepted and the browser has moved on: a page opened before then
    # would cut the sign-in request short and find nobody signed in.
    page.wait_for_url(lambda url: "/accounts/login/code/confirm/" not in url)
    return page


def session_key_for(user):
    """A saved session for `user`, as after a completed sign-in: the session cookie's value.
    .ci/lighthouse audits the team area with one (manage.py shell, against the demo)."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    record_completed_sign_in(session, user)
    session.save()
    return session.session_key


def signed_in_phone(browser, live_server, user):
    """A new phone (tests/journey_steps.py PHONE) with `user` signed in."""
    return signed_in_with_session(browser.new_context(**PHONE).new_page(), live_server, user)


def signed_in_with_session(page, live_server, user):
    """A session for `user` in the browser's cookies, as after a completed sign-in."""
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_key_for(user), "url": live_server.url}]
    )
    return page
