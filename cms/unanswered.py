"""The searches that found little, counted for editors without a database write on the request.

A search is a public GET anyone can repeat: writing a row for each let one person fill the
week's list, and put a table write on the path of every search. So a search that found little
only counts in the shared cache (Redis in production; the embedded mode keeps its whole cache
in its database, by design), and the beat task `cms.tasks.flush_unanswered_searches` adds the
counts to `UnansweredSearch`. What is kept is the folded words without anything that holds a
digit, so phone, ID and card numbers never reach the list; each client address may add a few
a minute (RATE_LIMITS["search_unanswered"]), and each week and language at most
MAX_UNANSWERED_PER_WEEK different queries.

In the cache, per week and language: a counter per query, atomically increased, and numbered
slots naming the queries, one taken (by an atomic increment) the first time a query is seen.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from cms.models.search_words import UnansweredSearch
from cms.search import FEW_RESULTS, clean_query
from runtime import throttle

MAX_UNANSWERED_PER_WEEK = 5000
# Long enough for the last flush of a week to find its counts.
KEPT_FOR = 15 * 24 * 60 * 60
_PREFIX = "cms:unanswered"


def recordable(query):
    """The folded words worth an editor's look: none holding a digit (in any script)."""
    return " ".join(word for word in clean_query(query).split() if not any(char.isdigit() for char in word))


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


def count(request, query, language, results_found):
    """Count a search that found fewer than FEW_RESULTS complete answers. Cache only."""
    words = recordable(query)
    if not words or results_found >= FEW_RESULTS:
        return
    if not throttle.allow(request, "search_unanswered"):
        return
    week = week_of(timezone.localdate()).isoformat()
    counter = _key(week, language, "count", hashlib.sha256(words.encode()).hexdigest()[:24])
    try:
        _add_to(counter, 1)
        return
    except ValueError:  # first seen this week, or the week is full (see below)
        pass
    if not cache.add(counter, 1, KEPT_FOR):
        _add_to(counter, 1)  # another request saw it first between the two calls
        return
    slots = _key(week, language, "slots")
    cache.add(slots, 0, KEPT_FOR)
    slot = _add_to(slots, 1)
    if slot > MAX_UNANSWERED_PER_WEEK:
        return  # the counter stays, unnamed: this query is never flushed
    cache.set(_key(week, language, "slot", slot), (words, counter, results_found), KEPT_FOR)


def flush(languages):
    """Add the counted searches of this week and the last to `UnansweredSearch`; run by beat.

    Each count is taken out of the cache (decremented by what was read, so searches counted
    meanwhile wait for the next flush) before it is written.
    """
    this_week = week_of(timezone.localdate())
    for week in (this_week - datetime.timedelta(days=7), this_week):
        for language in languages:
            _flush_week(week, language)


def _flush_week(week, language):
    taken = cache.get(_key(week.isoformat(), language, "slots")) or 0
    if not taken:
        return
    names = [
        _key(week.isoformat(), language, "slot", slot)
        for slot in range(1, min(taken, MAX_UNANSWERED_PER_WEEK) + 1)
    ]
    slots = cache.get_many(names).values()
    counts = cache.get_many([counter for _words, counter, _results in slots])
    for words, counter, results in slots:
        searches = counts.get(counter) or 0
        if not searches:
            continue
        _add_to(counter, -searches)
        updated = UnansweredSearch.objects.filter(query=words, language=language, week=week).update(
            searches=F("searches") + searches, results=results
        )
        if not updated:
            UnansweredSearch.objects.create(
                query=words, language=language, week=week, searches=searches, results=results
            )


def _add_to(key, delta):
    """An atomic increment (on Redis) that keeps the key for KEPT_FOR: the database cache of the
    embedded mode writes the new value with the default timeout of five minutes."""
    value = cache.incr(key, delta)
    cache.touch(key, KEPT_FOR)
    return value


def _key(week, language, *parts):
    return ":".join((_PREFIX, week, language, *map(str, parts)))
