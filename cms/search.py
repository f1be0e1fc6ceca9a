"""Finding pages the way a citizen types: with or without diacritics, in any tone-mark placement,
with extra words ("zalo bị hack thì làm thế nào"), other words for the same thing, and typos.

A query becomes *concepts*: each word, or a group of synonyms editors keep in the admin, minus
stop words. Each concept is looked up in the search index (the folded copies every page indexes,
cms/models/search.py), and pages are ranked by how many concepts they match, all first, then
most, then those whose title holds more of them. The same order on SQLite and PostgreSQL.
"""

import datetime
from typing import NamedTuple

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Func
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.query import Or, Phrase, PlainText

from cms.models.search_words import SearchSynonym, UnansweredSearch
from vietnamese.text import search_key

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 30
MAX_CONCEPTS = 8
# Pages taken from the index for each concept before ranking: enough for the best to be among
# them, few enough that a common word ("tai khoan") costs little.
CANDIDATES_PER_CONCEPT = 200
# Fewer pages holding all its words than this, and a query is worth an editor's look and a
# spelling suggestion: pages that hold only some of the words rarely answer it.
FEW_RESULTS = 2
# A flood of random queries must not grow the list without bound.
MAX_UNANSWERED_PER_WEEK = 5000
TYPO_SIMILARITY = 0.3

# Words that carry no subject in either language, folded. They never block a match; a query made
# of nothing else is searched as typed.
_STOP_WORDS_VI = """
    nhu the nao, the nao, lam sao, lam the nao, la gi, o dau, bang cach nao, bi, cach, de, cua, va,
    cho, toi, minh, em, anh, chi, thi, phai, lam, gi, sao, nao, khong, duoc, voi, tren, trong, mot,
    nhung, cac, khi, giup, huong dan, xin, a, oi, nhe, vay, ra, vao
"""
_STOP_WORDS_EN = """
    how to, how do i, what is, by, how, to, the, a, an, my, i, do, does, what, is, with, for, of, in,
    on, can, get, got, me, and, or, it, using, use
"""
STOP_PHRASES = sorted(
    {phrase.strip() for phrase in (_STOP_WORDS_VI + "," + _STOP_WORDS_EN).split(",") if phrase.strip()},
    key=lambda phrase: (-len(phrase), phrase),
)


def clean_query(raw):
    """The folded words of a query, or "" when nothing searchable is left (empty, symbols only)."""
    return search_key((raw or "")[:MAX_QUERY_LENGTH])


def query_concepts(raw, synonym_groups=None):
    """The query as a list of concepts, each a tuple of folded alternatives (words or phrases).

    Synonym groups are matched first, so a phrase holding a stop word ("bị chiếm") still counts.
    """
    folded = clean_query(raw)
    if not folded:
        return []
    if synonym_groups is None:
        synonym_groups = [group.phrases for group in SearchSynonym.objects.all()]
    rest = f" {folded} "
    concepts = []
    for phrases in synonym_groups:
        for phrase in phrases:
            if f" {phrase} " in rest:
                concepts.append(tuple(phrases))
                rest = rest.replace(f" {phrase} ", " ")
    words = rest.split()
    meaningful = _without_stop_phrases(" ".join(words))
    if meaningful or concepts:
        words = meaningful
    for word in words:
        if (word,) not in concepts:
            concepts.append((word,))
    return concepts[:MAX_CONCEPTS]


def _without_stop_phrases(text):
    padded = f" {text} "
    for phrase in STOP_PHRASES:
        while f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", " ")
    return padded.split()


class Found(NamedTuple):
    pages: list
    complete: int  # how many pages hold every concept: few means the query is not well answered


def search_pages(query, locale, topic=None, limit=MAX_RESULTS):
    """Live pages of one language, best match first."""
    return find(query, locale, topic, limit).pages


def find(query, locale, topic=None, limit=MAX_RESULTS):
    concepts = query_concepts(query)
    if not concepts:
        return Found([], 0)
    pages = _searchable(locale, topic)
    positions = {}  # page id -> (concepts matched, best rank in any concept's list)
    for index, concept in enumerate(concepts):
        # The last word may still be being typed ("kich hoat vne"): it also matches as a prefix.
        is_last_word = index == len(concepts) - 1 and len(concept) == 1 and " " not in concept[0]
        for rank, page_id in enumerate(_matching_ids(pages, concept, prefix=is_last_word)):
            matched, best = positions.get(page_id, (0, rank))
            positions[page_id] = (matched + 1, min(best, rank))
    # Ranked on titles alone; only the pages shown are loaded whole.
    titles = dict(Page.objects.filter(pk__in=positions).values_list("pk", "title"))
    ranked = sorted(
        titles,
        key=lambda pk: (-positions[pk][0], -_title_hits(titles[pk], concepts), positions[pk][1], pk),
    )[:limit]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ranked).specific()}
    complete = sum(matched == len(concepts) for matched, _ in positions.values())
    return Found([pages[pk] for pk in ranked], complete)


def _searchable(locale, topic):
    pages = Page.objects.live().filter(locale=locale).exclude(depth__lte=2)
    if topic is not None:
        pages = pages.descendant_of(topic)
    return pages


def _matching_ids(pages, concept, prefix):
    if prefix:
        results = pages.autocomplete(concept[0])
    else:
        query = Or(
            [Phrase(alternative) if " " in alternative else PlainText(alternative) for alternative in concept]
        )
        results = pages.search(query)
    # Ids in the backend's order, straight from its query: no page objects are built for ranking.
    return list(results[:CANDIDATES_PER_CONCEPT].get_queryset().values_list("pk", flat=True))


def _title_hits(title, concepts):
    """How many concepts stand in the title (each may be the start of a title word)."""
    title = f" {search_key(title)}"
    return sum(any(f" {alternative}" in title for alternative in concept) for concept in concepts)


def suggest(query, locale, limit=6):
    """Titles for the as-you-type list: pages holding every word, the last one as a prefix."""
    folded = clean_query(query)
    if not folded:
        return []
    pages = _searchable(locale, None)
    found = list(pages.autocomplete(folded, operator="and")[:limit])
    concepts = [(word,) for word in folded.split()]
    return sorted(found, key=lambda page: -_title_hits(page.title, concepts))


def did_you_mean(query, locale, exclude=(), limit=3):
    """Titles close to a mistyped query ("kich haot vnied"), by trigram similarity on PostgreSQL.

    SQLite has no trigram index: there the list is empty and search works as before.
    """
    folded = clean_query(query)
    if not folded or connection.vendor != "postgresql":
        return []
    from django.contrib.postgres.search import TrigramWordSimilarity

    folded_title = Lower(Func(F("title"), function="unaccent"))
    return list(
        _searchable(locale, None)
        .exclude(pk__in=[page.pk for page in exclude])
        .annotate(similarity=TrigramWordSimilarity(folded, folded_title))
        .filter(similarity__gte=TYPO_SIMILARITY)
        .order_by("-similarity", "pk")[:limit]
    )


def record_unanswered(query, language, results_found):
    """Count a query few pages answer, for editors' weekly list. Only the folded words are kept."""
    folded = clean_query(query)
    if not folded or results_found >= FEW_RESULTS:
        return
    today = timezone.localdate()
    week = today - datetime.timedelta(days=today.weekday())
    this_week = UnansweredSearch.objects.filter(language=language, week=week)
    if this_week.filter(query=folded).update(searches=F("searches") + 1, results=results_found):
        return
    if this_week.count() >= MAX_UNANSWERED_PER_WEEK:
        return
    try:
        with transaction.atomic():
            UnansweredSearch.objects.create(
                query=folded, language=language, week=week, searches=1, results=results_found
            )
    except IntegrityError:  # another request counted the same query first
        this_week.filter(query=folded).update(searches=F("searches") + 1)
