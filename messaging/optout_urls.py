"""The opt-out pages under the language prefix (config/urls.py); the short link /u/<code> itself
sits outside it, so it stays under 20 characters."""

from django.urls import path

from messaging import optout_views

app_name = "optout"
urlpatterns = [
    path("stop/", optout_views.stop, name="stop"),
    path("stop/code/", optout_views.code, name="code"),
]
