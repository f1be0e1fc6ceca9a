"""The "Personal data" admin menu: requests queue, breach register, access log, and the officers'
forms for requests and consent given in person."""

from django.urls import path
from wagtail import hooks

from privacy import admin_person, admin_views


@hooks.register("register_admin_viewset")
def register_personal_data():
    return admin_views.PersonalDataGroup()


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [
        path("privacy/requests/<int:pk>/act/", admin_person.act, name="privacy_request_act"),
        path("privacy/requests/<int:pk>/erase/", admin_person.erase, name="privacy_request_erase"),
        path("privacy/requests/record/", admin_person.record_request, name="privacy_record_request"),
        path("privacy/consent/record/", admin_views.record_consent_in_person, name="privacy_record_consent"),
    ]
