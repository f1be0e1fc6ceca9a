from django.urls import path, re_path

from rosters import admin_views

app_name = "rosters"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/progress/", admin_views.progress, name="progress"),
    path("<int:pk>/confirm/", admin_views.confirm, name="confirm"),
    path("<int:pk>/columns/", admin_views.map_columns, name="columns"),
    path("<int:pk>/cancel/", admin_views.cancel, name="cancel"),
    path("<int:pk>/file/", admin_views.uploaded_file, name="file"),
    path("<int:pk>/errors.xlsx", admin_views.errors, name="errors"),
    path("templates/<str:kind>.xlsx", admin_views.template, name="template"),
    re_path(r"^export/(?P<what>\w+)\.(?P<file_format>xlsx|csv)$", admin_views.export, name="export"),
]
