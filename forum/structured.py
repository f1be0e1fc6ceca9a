"""QAPage structured data (schema.org) for an answered question, so search engines show the
answer under the question. Built as a dict and dumped by json_script in the template, which
escapes it for a <script> element."""

from django.urls import reverse


def _answer(page_url, post):
    return {
        "@type": "Answer",
        "text": post.body,
        "dateCreated": post.created_at.isoformat(),
        "upvoteCount": post.helpful,
        "url": f"{page_url}#answer-{post.pk}",
        "author": {"@type": "Person", "name": post.author_name},
    }


def question_url(question):
    return reverse("forum:question", kwargs={"pk": question.pk})


def qa_page_json(request, question, answers):
    page_url = request.build_absolute_uri(question_url(question))  # once: a page holds dozens of answers
    accepted = [post for post in answers if post.accepted]
    others = [post for post in answers if not post.accepted]
    entity = {
        "@type": "Question",
        "name": question.title,
        "text": question.body or question.title,
        "answerCount": len(answers),
        "dateCreated": question.created_at.isoformat(),
        "author": {"@type": "Person", "name": question.asker_name},
    }
    if accepted:
        entity["acceptedAnswer"] = _answer(page_url, accepted[0])
    if others:
        entity["suggestedAnswer"] = [_answer(page_url, post) for post in others]
    return {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": entity}
