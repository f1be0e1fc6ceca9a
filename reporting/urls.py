from django.urls import path, re_path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("dashboard/", views.dashboard_start, name="dashboard"),
    path("dashboard/country/", views.national, name="dashboard_national"),
    path("dashboard/province/<str:code>/", views.province, name="dashboard_province"),
    path("dashboard/commune/<str:code>/", views.commune, name="dashboard_commune"),
    path("dashboard/team/<int:pk>/", views.team, name="dashboard_team"),
    re_path(
        r"^dashboard/report/(?P<level>commune|province)/(?P<code>\d{2,5})\.xlsx$",
        views.monthly_report,
        name="monthly_report",
    ),
]
