"""The one text an asker gets: when the first answer from an expert or team leader goes live.

Through the outbox (messaging.outbox.queue_sms): it keeps the sending window, and a number that
opted out or withdrew consent for notices gets nothing. The idempotency key and `texted_at`
make it one text per question, however many answers follow.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from forum.models import Question
from messaging.consent import has_consent
from messaging.models import Purpose
from messaging.outbox import queue_sms


def text_asker_once(question, post):
    """`post` is the answer that went live: the text says who answered, an expert or a team leader."""
    if not question.phone or not has_consent(question.phone, Purpose.NOTICE):
        return
    with transaction.atomic():
        claimed = Question.objects.filter(pk=question.pk, texted_at__isnull=True).update(
            texted_at=timezone.now()
        )
        if not claimed:
            return
        with translation.override(question.language):
            url = settings.SITE_URL + reverse("forum:question", kwargs={"pk": question.pk})
            if post.expert_id:
                said = _("An expert answered your question. Read it and mark the answer that helped: %(url)s")
            else:
                said = _(
                    "A community digital technology team leader answered your question. "
                    "Read it and mark the answer that helped: %(url)s"
                )
            body = said % {"url": url}
        queue_sms(
            question.phone,
            body,
            purpose=Purpose.NOTICE,
            idempotency_key=f"forum-answered:{question.pk}",
            language=question.language,
            commune=question.commune,
        )
