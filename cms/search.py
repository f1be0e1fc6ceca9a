"""Finding pages the way a citizen types: with or without diacritics, in any tone-mark placement,
with extra words ("zalo bị hack thì làm thế nào"), other words for the same thing, the short forms
everyone writes ("thẻ BHYT", "ĐT"), the Vietnamese keyboard left off ("kichs hoatj"), and typos.

A query becomes *concepts*: each word, a group of synonyms or an abbreviation with its meanings
(both kept by editors in the admin), minus stop words. Each concept is looked up in the search
index (the folded copies every page indexes, cms/models/search.py); a word that finds nothing is
read once more as Telex or VNI residue (vietnamese/typing.py). Pages are ranked the way BM25 ranks
them, without term counts: each concept weighs by how rare it is among the pages searched
(inverse document frequency), twice when it stands in the title, so "QR" outweighs "chuyển tiền"
and "ngân hàng" together. The same order on SQLite and PostgreSQL. A search only reads.
"""

import math
from typing import NamedTuple

from wagtail.models import Page
from wagtail.search.query import Or, Phrase, PlainText

from cms.models.search_words import SearchAbbreviation, SearchSynonym
from vietnamese.text import search_key
from vietnamese.typing import unmarked_reading

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 30
MAX_CONCEPTS = 8
# Pages taken from the index for each concept before ranking: enough for the best to be among
# them, few enough that a common word ("tai khoan") costs little. A concept that fills the list
# is common: its weight is that of a word on this many pages, which is already small.
CANDIDATES_PER_CONCEPT = 200
# The least a concept weighs, however common it is.
COMMON_WEIGHT = 0.1
# A concept in the title counts this many times more than one found only in the text.
TITLE_WEIGHT = 2.0
# Fewer pages holding all its words than this, and a query is worth an editor's look and a
# spelling suggestion: pages that hold only some of the words rarely answer it.
FEW_RESULTS = 2

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


# Apps above cms add results of their own below the pages (the forum's answered questions):
# fn(concepts, locale, topic) -> list of SearchResult, given the query's concepts as `find`
# reads them, so they match the same way without diacritics. cms never imports them.
_MORE_RESULTS = []


class SearchResult(NamedTuple):
    title: str
    url: str
    summary: str
    language: str


def register_results(source):
    if source not in _MORE_RESULTS:
        _MORE_RESULTS.append(source)


def more_results(concepts, locale, topic=None):
    """What the registered apps found for the query's `concepts` (`query_concepts`), after the
    pages: each app's own order."""
    if not concepts:
        return []
    return [result for source in _MORE_RESULTS for result in source(concepts, locale, topic)]


def clean_query(raw):
    """The folded words of a query, or "" when nothing searchable is left (empty, symbols only)."""
    return search_key((raw or "")[:MAX_QUERY_LENGTH])


def query_concepts(raw, synonym_groups=None, abbreviations=None):
    """The query as a list of concepts, each a tuple of folded alternatives (words or phrases).

    Abbreviations are read first, as whole words ("the bhyt" holds "bhyt", "nhanh" holds no "nh"),
    then synonym groups, so a phrase holding a stop word ("bị chiếm") still counts.
    """
    folded = clean_query(raw)
    if not folded:
        return []
    if synonym_groups is None:
        synonym_groups = [group.phrases for group in SearchSynonym.objects.all()]
    if abbreviations is None:
        abbreviations = {entry.key: entry.phrases for entry in SearchAbbreviation.objects.all()}
    concepts, words = [], []
    for word in folded.split():
        if word in abbreviations:
            _add(concepts, _with_synonyms((*abbreviations[word], word), synonym_groups))
        else:
            words.append(word)
    # Each word with its Telex/VNI reading, so "luwaf ddaor" meets the synonyms of "lua dao".
    words = [(word, unmarked_reading(word)) for word in words]
    for phrases in synonym_groups:
        for phrase in phrases:
            while (at := _phrase_at(words, phrase.split())) is not None:
                _add(concepts, tuple(phrases))
                del words[at : at + len(phrase.split())]
    words = [word for word, _reading in words]
    meaningful = _without_stop_phrases(" ".join(words))
    if meaningful or concepts:
        words = meaningful
    for word in words:
        _add(concepts, (word,))
    return concepts[:MAX_CONCEPTS]


def _phrase_at(words, phrase):
    """Where a phrase starts among (word, reading) pairs, each word matching as typed or as read."""
    for start in range(len(words) - len(phrase) + 1):
        if all(wanted in words[start + offset] for offset, wanted in enumerate(phrase)):
            return start
    return None


def _add(concepts, concept):
    if concept not in concepts:
        concepts.append(concept)


def _with_synonyms(alternatives, synonym_groups):
    """An abbreviation's meanings and every synonym of them: "dvc" also finds "thu tuc hanh chinh"."""
    found = list(alternatives)
    for phrases in synonym_groups:
        if set(phrases) & set(alternatives):
            found.extend(phrases)
    return tuple(dict.fromkeys(found))


def _without_stop_phrases(text):
    padded = f" {text} "
    for phrase in STOP_PHRASES:
        while f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", " ")
    return padded.split()


_STOP_WORDS = frozenset(phrase for phrase in STOP_PHRASES if " " not in phrase)


class Found(NamedTuple):
    pages: list
    complete: int  # how many pages hold every concept: few means the query is not well answered


def search_pages(query, locale, topic=None, limit=MAX_RESULTS):
    """Live pages of one language, best match first."""
    return find(query, locale, topic, limit).pages


def find(query, locale, topic=None, limit=MAX_RESULTS, concepts=None):
    """`concepts`: the query's, when the caller has read them already (`query_concepts`)."""
    pages = searchable_pages(locale, topic)
    matches = _matches(pages, query_concepts(query) if concepts is None else concepts)
    found = {pk for _concept, ids in matches for pk in ids}
    if not found:
        return Found([], 0)
    searched = pages.count()
    score = dict.fromkeys(found, 0.0)
    best = {}  # page id -> its best place in any concept's list from the index
    titles = {
        pk: f" {search_key(title)}"
        for pk, title in Page.objects.filter(pk__in=found).values_list("pk", "title")
    }
    for concept, ids in matches:
        weight = _rarity(len(ids), searched)
        for rank, pk in enumerate(ids):
            score[pk] += weight * (TITLE_WEIGHT if _in_title(titles[pk], concept) else 1)
            best[pk] = min(best.get(pk, rank), rank)
    ranked = sorted(found, key=lambda pk: (-score[pk], best[pk], pk))[:limit]
    shown = {page.pk: page for page in Page.objects.filter(pk__in=ranked).specific()}
    everywhere = set.intersection(*(set(ids) for _concept, ids in matches))
    return Found([shown[pk] for pk in ranked], len(everywhere))


def _rarity(holding, searched):
    """BM25's inverse document frequency: a concept on few of the pages searched weighs much, one
    on half of them or more next to nothing (never nothing: a page with it still beats one
    without). The classic form, not the "+1" one that keeps common words weighty: on a site of a
    few dozen guides that let "chuyển", "tiền" and "ngân" together outvote "QR"."""
    return max(math.log((searched - holding + 0.5) / (holding + 0.5)), COMMON_WEIGHT)


def _matches(pages, concepts):
    """Each concept with the ids of the pages holding it, in the index's order.

    A single word that finds nothing is read as Telex or VNI residue ("kichs" → "kich") and
    looked up again; read as a stop word ("thif" → "thi") it is dropped.
    """
    matches = []
    for index, concept in enumerate(concepts):
        # The last word may still be being typed ("kich hoat vne"): it also matches as a prefix.
        prefix = index == len(concepts) - 1 and len(concept) == 1 and " " not in concept[0]
        ids = _matching_ids(pages, concept, prefix)
        reading = unmarked_reading(concept[0]) if not ids and len(concept) == 1 else None
        if reading in _STOP_WORDS:
            continue
        if reading:
            concept = (reading,)
            ids = _matching_ids(pages, concept, prefix)
        matches.append((concept, ids))
    return matches


def searchable_pages(locale, topic):
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


def _in_title(title_key, concept):
    """Whether a concept stands in a title (" " + its search key): any alternative may be the
    start of a title word."""
    return any(f" {alternative}" in title_key for alternative in concept)


def _title_hits(title, concepts):
    """How many concepts stand in the title."""
    return sum(_in_title(f" {search_key(title)}", concept) for concept in concepts)


def suggest(query, locale, limit=6):
    """Titles for the as-you-type list: pages holding every word, the last one as a prefix."""
    folded = clean_query(query)
    if not folded:
        return []
    pages = searchable_pages(locale, None)
    found = list(pages.autocomplete(folded, operator="and")[:limit])
    concepts = [(word,) for word in folded.split()]
    return sorted(found, key=lambda page: -_title_hits(page.title, concepts))
