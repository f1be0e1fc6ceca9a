import pytest

pytestmark = pytest.mark.django_db


def test_root_sends_visitors_to_vietnamese(client, home_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"


def test_english_visitor_is_sent_to_english(client, home_pages):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("path", "lang", "heading", "other_language_link"),
    [
        ("/vi/", "vi", "Tổ công nghệ số cộng đồng", 'href="/en/"'),
        ("/en/", "en", "Community digital technology teams", 'href="/vi/"'),
    ],
)
def test_home_page_in_each_language(client, home_pages, path, lang, heading, other_language_link):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{heading}</title>" in html  # once, not "… · …" twice
    assert other_language_link in html


def test_home_page_query_count_is_locked(
    client, home_pages, memory_cache, django_assert_max_num_queries, django_assert_num_queries
):
    client.get("/en/")  # warms Wagtail's site cache, not the Vietnamese page's cache entry
    with django_assert_max_num_queries(10):
        rendered = client.get("/vi/")
    assert rendered["X-Page-Cache"] == "miss"  # the count above is of the page's own rendering
    with django_assert_num_queries(0):
        assert client.get("/vi/")["X-Page-Cache"] == "hit"


def test_demo_loads_twice_without_duplicates(home_pages):
    from io import StringIO

    from cms import demo
    from cms.models import HomePage

    demo.load(StringIO())
    assert HomePage.objects.count() == 2


def test_favicon_is_served_from_static_files(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # the test run has no collectstatic folder
    response = client.get("/favicon.ico", follow=True)
    assert response.redirect_chain[0][0].startswith("/static/")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}


def test_health_check(client):
    assert client.get("/healthz").json() == {"status": "ok"}
