"""Asking, answering, accepting: what a post goes through before anyone reads it.

Text is stored as typed except for masked phone and ID numbers (forum/masking.py); templates
escape it on the way out, so HTML typed in a post shows as text. A new person's post waits for a
moderator; an expert's, a team leader's or a trusted person's is published at once.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits
from forum.cache import purge
from forum.masking import mask_numbers
from forum.models import Answer, Question, Status
from forum.notify import text_asker_once
from messaging.consent import record_consent
from messaging.models import ConsentMethod, Purpose


def masked_note(count):
    if not count:
        return ""
    return _(
        "We hid a phone or ID number in your post so that strangers cannot read it. "
        "Never post your number: experts answer here."
    )


def ask(request, *, phone, topic, title, body, asker_name, commune, language, text_me):
    """A new question (and the masking note for its author). Raises limits.Refused."""
    limits.check(request, "question", f"{title}\n{body}", phone=phone)
    title, masked_title = mask_numbers(title)
    body, masked_body = mask_numbers(body)
    trusted = limits.is_trusted(phone)
    with transaction.atomic():
        question = Question.objects.create(
            topic=topic,
            commune=commune,
            province=commune.province if commune else None,
            phone=phone,
            asker_name=asker_name,
            title=title,
            body=body,
            language=language,
            status=Status.PUBLISHED if trusted else Status.PENDING,
        )
        if text_me:
            record_consent(phone, Purpose.NOTICE, ConsentMethod.FORM, note=f"forum question {question.pk}")
    return question, masked_note(masked_title + masked_body)


def answer(request, question, *, body, user=None, expert=None, phone=None, author_name=""):
    """A new answer; experts' and team leaders' (`user`) go live at once. Raises limits.Refused."""
    limits.check(request, "answer", body, phone=phone, user=user)
    body, masked = mask_numbers(body)
    live = user is not None or limits.is_trusted(phone)
    with transaction.atomic():
        post = Answer.objects.create(
            question=question,
            author=user,
            expert=expert,
            phone=phone or "",
            author_name=author_name,
            body=body,
            status=Status.PUBLISHED if live else Status.PENDING,
        )
        if live:
            published(post)
    return post, masked_note(masked)


def published(post):
    """An answer went live: the question counts as answered, the asker may get their one text."""
    question = post.question
    if question.answered_at is None:
        Question.objects.filter(pk=question.pk).update(answered_at=timezone.now())
    if post.author_id is not None:
        text_asker_once(question, post)


def accept(question, post):
    """The asker marks the answer that helped; only one answer is accepted. False when `post`
    already was the accepted one: a replayed form changes nothing."""
    if post.accepted:
        return False
    with transaction.atomic():
        question.answers.update(accepted=False)
        Answer.objects.filter(pk=post.pk).update(accepted=True)
        transaction.on_commit(purge)
    return True
