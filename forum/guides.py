"""An accepted answer becomes a draft guide in one step, and a guide lists its questions.

The question becomes the title, the answer the first step; the draft sits under the question's
topic, unpublished, for an editor to finish. The question points at the guide (Question.guide),
and the guide shows "questions answered about this" through the hook cms offers
(cms.models.guides.register_guide_questions), so cms never imports the forum.
"""

import json

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from cms.cache import clear as clear_page_cache
from cms.models import GuidePage
from cms.slugs import ascii_slug
from forum.models import VISIBLE, Question

# The ids of guides made from a question, kept in the shared cache: most guides have none, and a
# guide page's render then costs no query for this (cms/tests/test_cms_routing.py counts them).
LINKED_GUIDES_KEY = "forum:guides-with-questions"


def may_make_guide(user, question):
    return bool(
        getattr(user, "is_authenticated", False)
        and question.topic.permissions_for_user(user).can_add_subpage()
    )


def draft_guide(user, question):
    """The new draft guide (or the one already made from this question)."""
    if question.guide_id:
        return question.guide
    answer = question.accepted
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in answer.body.splitlines() if line.strip())
    body = [
        {
            "type": "steps",
            "value": {
                "heading": "",
                "steps": [{"text": paragraphs, "screenshot": {"image": None, "alt": "", "caption": ""}}],
            },
        }
    ]
    with transaction.atomic():
        guide = GuidePage(
            title=question.title,
            slug=f"{ascii_slug(question.title)[:60] or 'hoi-dap'}-{question.pk}",
            summary=question.title,
            body=json.dumps(body),
            live=False,
            owner=user,
        )
        question.topic.add_child(instance=guide)
        guide.save_revision(user=user)
        Question.objects.filter(pk=question.pk).update(guide=guide)
    cache.delete(LINKED_GUIDES_KEY)
    clear_page_cache()
    return guide


def answered_questions(guide):
    """For the guide page: (title, url) of the published questions linked to this guide."""
    linked = cache.get(LINKED_GUIDES_KEY)
    if linked is None:
        linked = set(Question.objects.filter(guide__isnull=False).values_list("guide_id", flat=True))
        cache.set(LINKED_GUIDES_KEY, linked, None)
    if guide.pk not in linked:
        return []
    questions = Question.objects.filter(guide=guide, status__in=VISIBLE)
    return [(q.title, reverse("forum:question", kwargs={"pk": q.pk})) for q in questions.only("pk", "title")]
