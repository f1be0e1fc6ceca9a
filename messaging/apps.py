from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("SMS messages")

    def ready(self) -> None:
        # Registers the tasks in every process, web ones included: dispatch.py sends
        # "messaging.send_batch" by name, and runs it in process when tasks are eager.
        from messaging import tasks  # noqa: F401

        # The opt-out link's page texts a code to the number the link was sent to (messaging/optout.py).
        from messaging.models import OptOutLink
        from messaging.phone_proof import register_door

        register_door(
            "stop",
            known=lambda phone: OptOutLink.objects.filter(phone=phone).exists(),
            landing="optout:code",
            title=_("Stop these texts"),
            reason=_("to stop texts from us"),
        )
