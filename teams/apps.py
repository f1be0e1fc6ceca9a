from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams and the map")

    def ready(self):
        from teams import roster_kinds

        roster_kinds.register()  # the team roster and village list, for rosters/
