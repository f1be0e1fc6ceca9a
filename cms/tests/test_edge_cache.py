"""Guides are cacheable at the edge like the progress pages (s-maxage, ETag, 304), and publishing
a guide sends the edge cache a PURGE for its address in both languages: received here by a real
HTTP server on 127.0.0.1 standing where Varnish stands (platform/varnish/default.vcl)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories_cms import add_guide, demo_guide, vietnamese_topic

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        """Quiet: the test reads what was purged, not a log."""


@pytest.fixture
def varnish_stand_in(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def test_publishing_a_new_guide_purges_its_address(
    home_pages, varnish_stand_in, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guide = add_guide(vietnamese_topic(), "Cài đặt ứng dụng Công dân số", slug="cai-dat-cong-dan-so")
    assert guide.url == "/vi/vneid/cai-dat-cong-dan-so/"
    assert [path for _host, path in varnish_stand_in.purged] == [guide.url]


def test_publishing_a_guide_purges_it_in_both_languages_at_their_own_addresses(
    home_pages, varnish_stand_in, django_capture_on_commit_callbacks
):
    guide = demo_guide("nop-ho-so-dich-vu-cong-quoc-gia")
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert sorted(path for _host, path in varnish_stand_in.purged) == [
        "/en/online-public-services/submit-on-national-public-service-portal/",
        "/vi/dich-vu-cong-truc-tuyen/nop-ho-so-dich-vu-cong-quoc-gia/",
    ]


def test_unpublishing_a_guide_purges_it_too(home_pages, varnish_stand_in, django_capture_on_commit_callbacks):
    guide = demo_guide()
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    purged = {path for _host, path in varnish_stand_in.purged}
    assert {"/vi/vneid/kich-hoat-vneid-muc-2/", "/en/vneid/activate-vneid-level-2/"} == purged


def test_no_edge_configured_no_purge_and_no_error(home_pages, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    add_guide(vietnamese_topic(), "Thanh toán không dùng tiền mặt", slug="thanh-toan")


def test_a_guide_carries_s_maxage_and_an_etag_and_answers_304(home_pages, client):
    url = demo_guide().url
    first = client.get(url)  # rendered and put in the page cache
    again = client.get(url)  # from the page cache
    for response in (first, again):
        assert response.status_code == 200
        assert "s-maxage=900" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
    assert first["ETag"] == again["ETag"]
    unchanged = client.get(url, headers={"If-None-Match": again["ETag"]})
    assert unchanged.status_code == 304
    assert unchanged.content == b""


def test_a_signed_in_editor_never_gets_a_shared_copy(home_pages, client, django_user_model):
    editor = django_user_model.objects.create(email="bientap@example.vn", full_name="Biên tập")
    client.force_login(editor)
    response = client.get(demo_guide().url)
    assert "s-maxage" not in response.get("Cache-Control", "")
