from django.urls import path, re_path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    re_path(r"^my-data/download\.(?P<file_format>xlsx|json)$", views.download, name="download"),
    path("my-data/name/", views.correct_name, name="correct_name"),
    path("my-data/consent/", views.change_consent, name="change_consent"),
    path("my-data/delete/", views.ask_deletion, name="ask_deletion"),
]
