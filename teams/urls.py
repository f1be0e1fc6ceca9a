from django.urls import path, re_path

from teams.views import dashboards, finder, team_area

app_name = "teams"

urlpatterns = [
    path("team/", team_area.team_home, name="home"),
    path("team/log/", team_area.log_session, name="log_session"),
    path("team/log/<int:pk>/", team_area.correct_log, name="correct_log"),
    path("dashboard/", dashboards.dashboard_start, name="dashboard"),
    path("dashboard/country/", dashboards.national, name="dashboard_national"),
    path("dashboard/province/<str:code>/", dashboards.province, name="dashboard_province"),
    path("dashboard/commune/<str:code>/", dashboards.commune, name="dashboard_commune"),
    path("dashboard/team/<int:pk>/", dashboards.team, name="dashboard_team"),
    re_path(
        r"^dashboard/report/(?P<level>commune|province)/(?P<code>\d{2,5})\.xlsx$",
        dashboards.monthly_report,
        name="monthly_report",
    ),
    path("find-your-team/", finder.find_team, name="find_team"),
]
