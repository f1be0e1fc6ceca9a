""" "Did you mean": titles close to a mistyped query ("kich haot vnied"), on PostgreSQL.

Trigram word similarity between the folded query and each page's folded title, answered from a
GIN trigram index on `cms_folded_title(title)` (cms/migrations/0008_…), so the cost does not grow
with the number of pages the way comparing every title did. The filter is pg_trgm's `%>`
operator, which the index serves; its threshold is a setting of the connection, set here for
each question. SQLite has no trigram index: there the list is empty and search works as before.
"""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Func, TextField

from cms.search import clean_query, searchable_pages

# The least word similarity for a title to be offered (pg_trgm's default, 0.6, misses
# "kich haot vnied" → "Kích hoạt … VNeID").
TYPO_SIMILARITY = 0.3


def did_you_mean(query, locale, exclude=(), limit=3):
    folded = clean_query(query)
    if not folded or connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(TYPO_SIMILARITY)]
        )
    folded_title = Func(F("title"), function="cms_folded_title", output_field=TextField())
    return list(
        searchable_pages(locale, None)
        .exclude(pk__in=[page.pk for page in exclude])
        .alias(folded_title=folded_title)
        .filter(TrigramWordSimilar(F("folded_title"), folded))
        .annotate(similarity=TrigramWordSimilarity(folded, "folded_title"))
        .order_by("-similarity", "pk")[:limit]
    )
