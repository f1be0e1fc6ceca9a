from django.urls import path

from trainings.views import manage, public

app_name = "trainings"

urlpatterns = [
    path("trainings/", public.upcoming, name="upcoming"),
    path("trainings/calendar.ics", public.upcoming_calendar, name="upcoming_calendar"),
    path("trainings/<int:pk>/", public.session_detail, name="session"),
    path("trainings/<int:pk>/confirm/", public.confirm_sign_up, name="confirm"),
    path("trainings/<int:pk>/calendar.ics", public.session_calendar, name="session_calendar"),
    path("trainings/my-place/<str:token>/", public.registration, name="registration"),
    path("team/trainings/", manage.session_list, name="manage_list"),
    path("team/trainings/new/", manage.session_create, name="create"),
    path("team/trainings/<int:pk>/", manage.session_manage, name="manage"),
    path("team/trainings/<int:pk>/edit/", manage.session_edit, name="edit"),
    path("team/trainings/<int:pk>/cancel/", manage.session_cancel, name="cancel"),
    path("team/trainings/<int:pk>/attendance/", manage.attendance, name="attendance"),
    path(
        "team/trainings/<int:pk>/registrations/<int:registration_pk>/withdraw/",
        manage.registration_withdraw,
        name="withdraw",
    ),
]
