from django.urls import re_path
from wagtail import hooks

from trainings.admin_views import TrainingsViewSetGroup, attendance_sheet


@hooks.register("register_admin_viewset")
def register_trainings_viewsets():
    return TrainingsViewSetGroup()


@hooks.register("register_admin_urls")
def attendance_sheet_urls():
    return [
        re_path(
            r"^trainings/sessions/(?P<pk>\d+)/attendance\.(?P<file_format>xlsx|csv)$",
            attendance_sheet,
            name="training_attendance_sheet",
        )
    ]
