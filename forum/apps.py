from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("ask an expert")

    def ready(self):
        # Anyone may ask: the door texts every valid number (the forum holds none before).
        from cms.models.guides import register_guide_questions
        from cms.search import register_results
        from forum import guides, search
        from forum.week import team_week
        from messaging.phone_proof import register_door
        from teams.week import register_source

        register_guide_questions(guides.answered_questions)
        register_results(search.answered_questions)
        register_source(team_week)  # questions waiting for an answer, on the team area
        _purge_cached_pages_on_change()

        register_door(
            "forum",
            known=lambda phone: True,
            landing="forum:ask",
            title=_("Ask an expert"),
            reason=_("to ask your question"),
            intro=_(
                "Type your mobile number: we text it a 6-digit code. You need no account, and no "
                "reader ever sees your number."
            ),
        )


def _purge_after_commit(**kwargs):
    from django.db import transaction

    from forum.cache import purge

    transaction.on_commit(purge)


def _purge_cached_pages_on_change():
    """Anonymous readers' cached forum pages (forum/cache.py) go stale when a post, an expert's
    badge or a page they link to changes. Updates made with `.update()` purge where they run
    (accepting, voting, erasing)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    from forum.models import Answer, Expert, Question

    for model in (Question, Answer, Expert):
        for signal in (post_save, post_delete):
            uid = f"forum-cache-{model.__name__}-{id(signal)}"
            signal.connect(_purge_after_commit, sender=model, dispatch_uid=uid)
    for signal in (page_published, page_unpublished):
        signal.connect(_purge_after_commit, dispatch_uid=f"forum-cache-pages-{id(signal)}")
