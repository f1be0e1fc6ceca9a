"""The phone-proof pages, under the language prefix (config/urls.py): /vi/phone/<door>/…"""

from django.urls import path

from messaging import proof_views

app_name = "phone_proof"
urlpatterns = [
    path("phone/<slug:door>/", proof_views.ask, name="ask"),
    path("phone/<slug:door>/code/", proof_views.check, name="check"),
]
