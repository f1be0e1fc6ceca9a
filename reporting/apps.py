from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Dashboards and reports")

    def ready(self):
        from places.tombstones import keep_tombstones
        from reporting import receivers
        from reporting.models import MonthlyReport
        from reporting.week import team_week
        from teams.week import register_source

        receivers.connect()
        register_source(team_week)  # the monthly report's due date, on the team area
        keep_tombstones(MonthlyReport, "reports")  # pulled by provinces through the API
