"""Answered questions in the site's one search, below the guides (cms.search.register_results).

The search hands over the query as cms reads it: concepts of folded words, each with its
synonyms and abbreviations' meanings. A question is found when every concept has one of its
alternatives as whole words in its folded title and details (Question.search_text); the newest
answered first. A few hundred answered questions a province need no index beyond that.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator

from cms.search import SearchResult
from forum.models import Question, Status

MAX_QUESTIONS = 10
SUMMARY_WORDS = 30


def answered_questions(concepts, locale, topic=None):
    questions = Question.objects.filter(
        status__in=[Status.PUBLISHED, Status.CLOSED], answered_at__isnull=False, merged_into__isnull=True
    )
    if topic is not None:
        questions = questions.filter(topic__translation_key=topic.translation_key)
    for concept in concepts:
        questions = questions.filter(
            reduce(or_, (Q(search_text__contains=f" {words} ") for words in concept))
        )
    return [
        SearchResult(
            title=question.title,
            url=reverse("forum:question", kwargs={"pk": question.pk}),
            summary=Truncator(question.body).words(SUMMARY_WORDS),
            language=question.language,
        )
        for question in questions.only("pk", "title", "body", "language").order_by("-answered_at")[
            :MAX_QUESTIONS
        ]
    ]
