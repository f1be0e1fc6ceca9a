"""Finding pages the way a Vietnamese reader types: with or without diacritics, in any tone-mark
placement, decomposed or composed. The query is folded by `vietnamese.text.search_key` and matched
against the folded copies every page indexes (cms/models/search.py)."""

from wagtail.models import Page

from vietnamese.text import search_key

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 30


def clean_query(raw):
    """The folded words of a query, or "" when nothing searchable is left (empty, symbols only)."""
    return search_key((raw or "")[:MAX_QUERY_LENGTH])


def search_pages(query, locale, topic=None, limit=MAX_RESULTS):
    """Live pages of one language, best match first.

    Full words first; when they find nothing, the words are taken as prefixes (someone still
    typing "kich hoa"). Matches in the title come before matches in the text, whichever backend
    ranked them, so the order is the same on SQLite and PostgreSQL.
    """
    folded = clean_query(query)
    if not folded:
        return []
    pages = Page.objects.live().filter(locale=locale).exclude(depth__lte=2).specific()
    if topic is not None:
        pages = pages.descendant_of(topic)
    found = list(pages.search(folded, operator="and")[:limit])
    if not found:
        found = list(pages.autocomplete(folded, operator="and")[:limit])
    return _titles_first(found, folded)


def suggest(query, locale, limit=6):
    """Titles for the as-you-type list: prefixes of the folded words."""
    folded = clean_query(query)
    if not folded:
        return []
    pages = Page.objects.live().filter(locale=locale).exclude(depth__lte=2)
    return _titles_first(list(pages.autocomplete(folded, operator="and")[:limit]), folded)


def _titles_first(pages, folded):
    """Pages whose title holds more of the words (or words starting so) first; ties keep the
    backend's rank. Sorting is stable, so the order is the same on every backend."""
    words = folded.split()

    def title_hits(page):
        title_words = search_key(page.title).split()
        return sum(any(title_word.startswith(word) for title_word in title_words) for word in words)

    return sorted(pages, key=lambda page: -title_hits(page))
