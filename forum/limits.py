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
_LINK = re.compile(r"(https?://|www\.|\b[\w-]+\.(?:com|vn|net|org|info|xyz|io|me|top|link)\b)", re.I)


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
    """Raise Refused when this post may not go in; count it against the address otherwise."""
    if len(text) > MAX_LENGTH:
        raise Refused(
            _("Your text is %(length)s characters long; the limit is %(limit)s. Please shorten it.")
            % {"length": len(text), "limit": MAX_LENGTH}
        )
    if is_trusted(phone, user):
        return
    if _LINK.search(text):
        raise Refused(
            _("Links can be posted once one of your posts has been approved. Please remove the link.")
        )
    model, limit = (Question, NEW_QUESTIONS_A_DAY) if kind == "question" else (Answer, NEW_ANSWERS_A_DAY)
    since = timezone.now() - timedelta(days=1)
    if model.objects.filter(phone=phone, created_at__gte=since).count() >= limit:
        raise Refused(_("You have reached today's limit for new members. Please come back tomorrow."))
    if not throttle.allow(request, f"forum_{kind}"):
        raise Refused(_("Too many posts from this connection today. Please come back tomorrow."))
