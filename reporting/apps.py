from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Dashboards and reports")

    def ready(self):
        from places.tombstones import keep_tombstones
        from reporting import receivers
        from reporting.models import MonthlyReport

        receivers.connect()
        keep_tombstones(MonthlyReport, "reports")  # pulled by provinces through the API
