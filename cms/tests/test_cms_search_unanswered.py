"""Searches that found little reach editors' weekly list, but never as typed by one person in bulk,
never with a number in them, and never by a database write on the search request."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import unanswered
from cms.models import UnansweredSearch
from cms.tasks import flush_unanswered_searches
from tests.factories import UserFactory, enrolled_in_two_factor
from tests.factories_cms import vietnamese_topic

pytestmark = pytest.mark.django_db

HO_CHI_MINH = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
THURSDAY = datetime.datetime(2026, 12, 3, 9, tzinfo=HO_CHI_MINH)


def listed():
    return {(row.query, row.language): row.searches for row in UnansweredSearch.objects.all()}


def search(client, query, language="vi", address="203.0.113.7", **params):
    return client.get(f"/{language}/search/", {"q": query, **params}, REMOTE_ADDR=address)


def test_searches_that_find_little_are_counted_for_editors_without_who_searched(client, home_pages):
    with time_machine.travel(THURSDAY, tick=False):
        for _ in range(3):
            search(client, "Đăng ký xe máy")
        search(client, "register a motorbike", language="en")
        search(client, "kich hoat vneid")  # answered: not counted
        # Narrowed to one topic, few results say little about what is missing.
        search(client, "xe may", topic=vietnamese_topic("vneid").pk)
        assert listed() == {}  # counted in the cache until the beat task adds them
        flush_unanswered_searches()

    assert listed() == {("dang ky xe may", "vi"): 3, ("register a motorbike", "en"): 1}
    motorbike = UnansweredSearch.objects.get(query="dang ky xe may")
    assert (motorbike.results, motorbike.week) == (0, datetime.date(2026, 11, 30))
    stored = {field.name for field in UnansweredSearch._meta.get_fields()}
    assert stored == {"id", "query", "language", "week", "searches", "results"}

    editor = enrolled_in_two_factor(UserFactory())
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert "dang ky xe may" in client.get("/admin/cms_unansweredsearch/").content.decode()
    assert client.get("/admin/cms_searchsynonym/").status_code == 200


def test_a_search_request_never_writes_to_the_database(client, home_pages):
    for query in ("Đăng ký xe máy", "kich hoat vneid", "vnied"):
        with CaptureQueriesContext(connection) as queries:
            assert search(client, query).status_code == 200
        # The embedded mode keeps its cache in a table of its own; nothing else is written.
        writes = [
            sql
            for sql in (query["sql"] for query in queries.captured_queries)
            if sql.lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"} and "shared_cache" not in sql
        ]
        assert writes == [], query
    flush_unanswered_searches()
    assert ("dang ky xe may", "vi") in listed()


def test_numbers_never_reach_the_list(client, home_pages):
    queries = [
        "sdt 0912 345 678 qqz",
        "0912345678",
        "+84 912-345-678",
        "CCCD 001234567890 qqy",
        "xe ９６６５５５４４４ qqx",  # full-width digits
        "xe ٩٦٦٥٥٥٤٤٤ qqw",  # Arabic-Indic digits
        "muc2 hang3",
    ]
    for number, query in enumerate(queries):
        search(client, query, address=f"203.0.113.{number}")
    flush_unanswered_searches()
    assert set(listed()) == {
        ("sdt qqz", "vi"),
        ("cccd qqy", "vi"),
        ("xe qqx", "vi"),
        ("xe qqw", "vi"),
    }


def test_one_person_cannot_fill_the_list(client, home_pages):
    with time_machine.travel(THURSDAY, tick=False) as clock:
        for number in range(12):
            search(client, f"qqz wwk{'x' * number}")
        search(client, "qqz from another person", address="198.51.100.9")
        flush_unanswered_searches()
        assert len(listed()) == 6  # five from the first address in a minute, one from the other

        clock.shift(61)
        search(client, "qqz one minute later")
        flush_unanswered_searches()
    assert ("qqz one minute later", "vi") in listed()


def test_each_week_lists_a_bounded_number_of_queries(client, home_pages, settings, monkeypatch):
    monkeypatch.setattr(unanswered, "MAX_UNANSWERED_PER_WEEK", 5)
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search_unanswered": "100/m/ip"}
    for number in range(8):
        search(client, f"qqz wwk{'x' * number}")
    search(client, "qqz wwk")  # counted again: it holds one of the five places
    flush_unanswered_searches()
    assert len(listed()) == 5
    assert listed()[("qqz wwk", "vi")] == 2


def test_each_search_is_added_once_to_the_week_it_was_made_in(client, home_pages):
    sunday_night = datetime.datetime(2026, 12, 6, 23, 50, tzinfo=HO_CHI_MINH)
    with time_machine.travel(sunday_night, tick=False) as clock:
        search(client, "xe may dien")
        search(client, "xe may dien", address="198.51.100.9")
        clock.move_to(sunday_night + datetime.timedelta(minutes=15))  # Monday 00:05
        flush_unanswered_searches()
        flush_unanswered_searches()  # nothing new: nothing added twice
        search(client, "xe may dien")
        flush_unanswered_searches()

    weeks = {row.week: row.searches for row in UnansweredSearch.objects.filter(query="xe may dien")}
    assert weeks == {datetime.date(2026, 11, 30): 2, datetime.date(2026, 12, 7): 1}
