from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("The administrative map")

    def ready(self) -> None:
        from places.models import Village
        from places.tombstones import keep_tombstones

        keep_tombstones(Village, "villages")  # the public API's villages, pulled by increments
