"""The search page and the as-you-type suggestions it offers."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms import unanswered
from cms.models import TopicPage
from cms.search import FEW_RESULTS, MAX_QUERY_LENGTH, clean_query, find, more_results, query_concepts, suggest
from cms.search_typos import did_you_mean


def _topic(request, locale):
    try:
        topic_id = int(request.GET.get("topic", ""))
    except ValueError:
        return None
    if not 0 < topic_id < 2**63:  # past a database integer: no page has that id
        return None
    return TopicPage.objects.live().filter(locale=locale, pk=topic_id).first()


def search(request):
    """Works with no JavaScript: a plain GET form; the results page is complete HTML. Reads the
    database only: what it counts goes to the cache (cms/unanswered.py)."""
    locale = Locale.get_active()
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    topic = _topic(request, locale)
    concepts = query_concepts(query)
    results, complete = find(query, locale, topic=topic, concepts=concepts)
    more = more_results(concepts, locale, topic=topic)
    close_titles = []
    if complete < FEW_RESULTS:
        close_titles = did_you_mean(query, locale, exclude=results)
        # Narrowed to a topic, few results say more about the topic than about missing guides.
        if topic is None:
            unanswered.count(request, query, locale.language_code, complete)
    return render(
        request,
        "cms/search.html",
        {
            "query": query,
            "searched": bool(clean_query(query)),
            "results": results,
            "more_results": more,
            "found": len(results) + len(more),
            "close_titles": close_titles,
            "topic": topic,
            "topics": TopicPage.objects.live().filter(locale=locale).order_by("path"),
            "title": _("Search"),
        },
    )


def suggestions(request):
    """An HTML fragment of links: the page's small script puts it under the search box."""
    locale = Locale.get_active()
    pages = suggest(request.GET.get("q", ""), locale)
    return render(request, "cms/search_suggestions.html", {"pages": pages})
