"""The admin asks no outside site for anything: avatars are drawn from the person's initial, so a
commune office without internet sees them, and Gravatar never learns who uses the admin."""

import re

import pytest

from tests.factories import UserFactory, enrolled_in_two_factor

pytestmark = pytest.mark.django_db

# What a browser fetches by itself: images, scripts, styles (links people click are not fetched).
FETCHED_FROM_OUTSIDE = re.compile(
    r"""(?:\bsrc|srcset|avatarUrl|<link[^>]*\bhref)["']?\s*[=:]\s*["']((?:https?:)?//[^"']+)"""
)


@pytest.fixture
def administrator(client):
    user = UserFactory(email="admin@example.vn", full_name="Nguyễn Thị Lan", is_staff=True, is_superuser=True)
    client.force_login(enrolled_in_two_factor(user))
    return user


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_fetch_nothing_from_outside_and_show_initials(client, administrator, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "gravatar" not in html.lower()
    assert FETCHED_FROM_OUTSIDE.findall(html) == []
    if path != "/admin/":  # the dashboard shows the avatar only in the sidebar's menu data
        assert re.search(r"<svg[^>]*data-initials[^>]*>.*?>L</text>", html, re.S)
