from django.urls import path

from teams.views import finder, log_import, log_queue, month_log, targets, team_area

app_name = "teams"

urlpatterns = [
    path("team/", team_area.team_home, name="home"),
    path("team/log/", team_area.log_session, name="log_session"),
    path("team/log/month/", month_log.log_month, name="log_month"),
    path("team/log/token/", log_queue.fresh_token, name="log_token"),
    path("team/log/import/", log_import.log_import, name="log_import"),
    path("team/log/import/template.xlsx", log_import.log_import_template, name="log_import_template"),
    path("team/log/import/<int:pk>/", log_import.log_import_job, name="log_import_job"),
    path("team/log/import/<int:pk>/confirm/", log_import.log_import_confirm, name="log_import_confirm"),
    path("team/log/<int:pk>/", team_area.correct_log, name="correct_log"),
    path("team/<int:pk>/targets/", targets.team_targets, name="targets"),
    path("team/targets/province/<str:code>/", targets.province_targets, name="province_targets"),
    path("find-your-team/", finder.find_team, name="find_team"),
]
