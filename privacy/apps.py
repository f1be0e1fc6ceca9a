from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("personal data and people's rights")

    def ready(self):
        # Anyone whose number we hold opens "my data" by a texted code, account or not.
        from messaging.phone_proof import register_door
        from privacy.holdings import holds

        register_door(
            "my-data",
            known=holds,
            landing="privacy:my_data",
            title=_("My data"),
            reason=_("to open your data"),
        )
