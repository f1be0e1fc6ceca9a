"""Content-Security-Policy: strict everywhere we write the page, relaxed only for Wagtail's admin,
and the page cache never hands one reader's nonce to another."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.test import RequestFactory

from cms.views import pages
from tests.factories_cms import demo_guide

pytestmark = pytest.mark.django_db

VI_GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"


def script_src(response):
    policy = response["Content-Security-Policy"]
    return re.search(r"script-src ([^;]*)", policy).group(1).split()


def test_public_pages_allow_our_origin_and_the_site_script_by_its_hash(client, home_pages):
    """No other inline script runs unless the page printed its nonce (Django then lists it)."""
    for path in ["/vi/", VI_GUIDE, "/vi/trainings/", "/vi/find-your-team/", "/accounts/login/"]:
        response = client.get(path)
        assert script_src(response) == ["'self'", settings.SITE_SCRIPT_HASH], path
        for script in re.findall(r"<script>(.*?)</script>", response.content.decode(), re.S):
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script_src(response), path


def test_only_the_wagtail_admin_may_run_inline_scripts(client, home_pages):
    response = client.get("/admin/login/", follow=False)
    assert "'unsafe-inline'" in script_src(response)
    assert "'unsafe-inline'" not in script_src(client.get("/django-admin/login/", follow=False))


def test_a_cached_page_runs_its_script_under_any_readers_policy(client, home_pages):
    client.get(VI_GUIDE)
    cached = client.get(VI_GUIDE)
    assert cached["X-Page-Cache"] == "hit"
    assert "nonce=" not in cached.content.decode()
    assert settings.SITE_SCRIPT_HASH in script_src(cached)


def test_a_page_that_used_its_nonce_is_never_cached(home_pages, monkeypatch):
    """Were a page template to print {{ csp_nonce }}, caching the page would serve that nonce to
    the next reader, whose header carries another: their scripts would be refused."""
    from django.middleware.csp import ContentSecurityPolicyMiddleware

    from cms.models import GuidePage

    template = engines["django"].from_string('<script nonce="{{ csp_nonce }}">1</script>')
    monkeypatch.setattr(GuidePage, "serve", _serving(template), raising=False)
    middleware = ContentSecurityPolicyMiddleware(lambda request: pages.serve(request, request.path[4:]))
    nonces = []
    for _ in range(2):
        response = middleware(RequestFactory().get(VI_GUIDE))
        assert "X-Page-Cache" not in response
        nonces.append(re.search(r'nonce="([^"]+)"', response.content.decode()).group(1))
        assert f"'nonce-{nonces[-1]}'" in response["Content-Security-Policy"]
    assert nonces[0] != nonces[1]
    assert demo_guide().live


def _serving(template):
    from django.http import HttpResponse

    def serve(page, request, *args, **kwargs):
        response = HttpResponse(template.render({}, request))
        response.cms_cacheable = True
        return response

    return serve


def test_every_inline_script_in_our_templates_carries_the_nonce():
    """Except the site script, allowed by its hash (so pages that include it can be cached)."""
    site_script = '{% include "includes/site.js" %}'
    missing = [
        f"{path.relative_to(settings.BASE_DIR)}: {attributes}"
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        for attributes, body in re.findall(
            r"<script([^>]*)>(.*?)</script>", path.read_text(encoding="utf-8"), re.S
        )
        if "src=" not in attributes and "csp_nonce" not in attributes and body != site_script
    ]
    assert missing == []
    handlers = [
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if re.search(r"\son[a-z]+=\"", path.read_text(encoding="utf-8"))
    ]
    assert handlers == []  # inline event handlers need 'unsafe-hashes': use site.js instead
