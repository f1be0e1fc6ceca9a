from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("SMS messages")

    def ready(self) -> None:
        # Registers the tasks in every process, web ones included: dispatch.py sends
        # "messaging.send_batch" by name, and runs it in process when tasks are eager.
        from messaging import tasks  # noqa: F401
