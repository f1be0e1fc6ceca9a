"""A form sent after its security token was lost (cookies cleared) gets a page in the site's style
and the reader's language that keeps what was typed and sends it again; a form posted from
another site gets no such button."""

import re

import pytest
from django.test import Client

from tests.factories_trainings import SessionFactory

pytestmark = pytest.mark.django_db

TYPED = {"full_name": "Nguyễn Thị Lan", "phone": "0912 345 678", "consent": "on", "password": "bí-mật"}


@pytest.fixture
def browser_without_cookies():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [("vi", "Biểu mẫu của bạn chưa được gửi", "Gửi lại"), ("en", "Your form was not sent", "Send again")],
)
def test_a_sign_up_sent_after_clearing_cookies_is_kept_and_can_be_sent_again(
    browser_without_cookies, language, heading, button
):
    session = SessionFactory()
    path = f"/{language}/trainings/{session.pk}/"
    response = browser_without_cookies.post(
        path, TYPED, headers={"Origin": "http://testserver", "Referer": f"http://testserver{path}"}
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert heading in page
    assert button in page
    assert f'lang="{language}"' in page
    assert "Nguyễn Thị Lan" in page
    assert "0912 345 678" in page
    assert "bí-mật" not in page
    assert f'href="{path}" id="back-to-form"' in page
    # "Send again" posts what was typed with a fresh token, which now passes the check.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = page[page.index('id="send-again"') : page.index("</form>", page.index('id="send-again"'))]
    kept = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    kept.pop("csrfmiddlewaretoken")
    assert kept == {"full_name": "Nguyễn Thị Lan", "phone": "0912 345 678", "consent": "on"}
    again = browser_without_cookies.post(path, {**kept, "csrfmiddlewaretoken": token})
    assert again.status_code == 302
    assert again["Location"] == f"/{language}/trainings/{session.pk}/confirm/"


def test_a_form_posted_from_another_site_is_not_offered_again(browser_without_cookies):
    session = SessionFactory()
    response = browser_without_cookies.post(
        f"/vi/trainings/{session.pk}/", TYPED, headers={"Origin": "https://lua-dao.example"}
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu của bạn chưa được gửi" in page
    assert "send-again" not in page
    assert "Nguyễn Thị Lan" not in page
    assert "back-to-form" not in page
