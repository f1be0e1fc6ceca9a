from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from trainings import attendance_sheet, signals  # noqa: F401  (connects the muted-number receivers)

        attendance_sheet.register()  # the attendance list and its export, for rosters/
