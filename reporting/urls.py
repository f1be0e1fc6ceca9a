from django.urls import path, re_path

from reporting import views
from reporting.monthly import views as monthly

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
    re_path(
        r"^dashboard/month/(?P<month>\d{4}-\d{2})/commune/(?P<code>\d{5})/$",
        monthly.commune_month,
        name="commune_month",
    ),
    re_path(
        r"^dashboard/month/(?P<month>\d{4}-\d{2})/province/(?P<code>\d{2})/$",
        monthly.province_month,
        name="province_month",
    ),
    re_path(
        r"^dashboard/month/(?P<month>\d{4}-\d{2})/province/(?P<code>\d{2})\.xlsx$",
        monthly.province_workbook,
        name="province_workbook",
    ),
    re_path(
        r"^dashboard/month/(?P<month>\d{4}-\d{2})/country/$", monthly.country_month, name="country_month"
    ),
    re_path(
        r"^dashboard/month/(?P<month>\d{4}-\d{2})/country\.xlsx$",
        monthly.country_workbook,
        name="country_workbook",
    ),
]
