from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("ask an expert")

    def ready(self):
        # Anyone may ask: the door texts every valid number (the forum holds none before).
        from cms.models.guides import register_guide_questions
        from forum.guides import answered_questions
        from messaging.phone_proof import register_door

        register_guide_questions(answered_questions)

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
