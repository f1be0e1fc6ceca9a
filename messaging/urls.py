from django.urls import path

from messaging import webhooks

app_name = "messaging"
urlpatterns = [
    path("twilio/status/", webhooks.status_callback, name="twilio-status"),
    path("twilio/inbound/", webhooks.inbound, name="twilio-inbound"),
]
