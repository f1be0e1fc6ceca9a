from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from accounts import authority
        from teams.week import register_source
        from trainings import attendance_sheet, signals  # noqa: F401  (connects the muted-number receivers)
        from trainings.access import leader_may_run, places_of_person
        from trainings.models import TrainingSession
        from trainings.week import team_week

        attendance_sheet.register()  # the attendance list and its export, for rosters/
        # Where a person appears in trainings, and who besides officers runs a session.
        authority.register_places(places_of_person)
        authority.register_rule(TrainingSession, leader_may_run)
        register_source(team_week)  # sessions to run and attendance to take, on the team area
