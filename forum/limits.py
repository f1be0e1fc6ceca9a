"""What a new person may post: trust comes from approved posts, never from activity.

A number with no published post is new: 3 questions and 10 answers a day, and no link. The same
bounds hold per client address through the project's one throttle (runtime/throttle.py,
settings.RATE_LIMITS "forum_*"), so a spammer changing numbers still meets a limit.
"""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import Answer, Question, Status
from runtime import throttle

NEW_QUESTIONS_A_DAY = 3
NEW_ANSWERS_A_DAY = 10
MAX_LENGTH = 4000
# A link by its shape, whatever its top-level domain (bit.ly/3xYz9, goo.gl, x.ru, y.site): a
# scheme, "www.", or labels joined by dots ending in a lowercase label of 2+ ASCII letters. Not a
# link: decimals and dates (digits), "150.000đ", "757/QĐ-BKHCN", "v.v." (one-letter labels), and
# a sentence typed without a space after its full stop ("xong.Tôi", "TP.HCM": capital letters).
_LINK = re.compile(
    r"(?i:\b[a-z][a-z0-9+.-]*://|\bwww\.)"
    r"|(?<![\w.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:[a-z]{2,24}(?![\w-])|[A-Za-z]{2,24}/)"
)


def has_link(text):
    return bool(_LINK.search(text))


class Refused(Exception):
    """A post not accepted; str() says why, in the reader's language."""


def is_trusted(phone=None, user=None):
    """Someone with a published post (or an expert or team leader, checked by the caller)."""
    if user is not None:
        return True
    return (
        Question.objects.filter(phone=phone, status=Status.PUBLISHED).exists()
        or Answer.objects.filter(phone=phone, status=Status.PUBLISHED).exists()
    )


def check(request, kind, text, *, phone=None, user=None):
    """Raise Refused when this post may not go in; count it against the address otherwise.
    (Its length, MAX_LENGTH, is the forms' to check: forum/forms.py PostText.)"""
    if is_trusted(phone, user):
        return
    if has_link(text):
        raise Refused(
            _("Links can be posted once one of your posts has been approved. Please remove the link.")
        )
    model, limit = (Question, NEW_QUESTIONS_A_DAY) if kind == "question" else (Answer, NEW_ANSWERS_A_DAY)
    since = timezone.now() - timedelta(days=1)
    if model.objects.filter(phone=phone, created_at__gte=since).count() >= limit:
        raise Refused(_("You have reached today's limit for new members. Please come back tomorrow."))
    if not throttle.allow(request, f"forum_{kind}"):
        raise Refused(_("Too many posts from this connection today. Please come back tomorrow."))
