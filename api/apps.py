from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    label = "public_api"  # "api" alone is too likely to collide with a library's app label
    verbose_name = _("Read-only API")
