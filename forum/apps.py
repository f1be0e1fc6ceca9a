from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("ask an expert")

    def ready(self):
        # Anyone may ask: the door texts every valid number (the forum holds none before).
        from cms.models.guides import register_guide_questions
        from forum.guides import answered_questions
        from forum.week import team_week
        from messaging.phone_proof import register_door
        from teams.week import register_source

        register_guide_questions(answered_questions)
        register_source(team_week)  # questions waiting for an answer, on the team area

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
