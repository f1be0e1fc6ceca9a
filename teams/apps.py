from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams")

    def ready(self):
        from accounts import memberships
        from teams.membership import DIRECTORY

        memberships.register(DIRECTORY)
