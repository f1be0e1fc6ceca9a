from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HouseholdsConfig(AppConfig):
    name = "households"
    verbose_name = _("Households")

    def ready(self):
        from accounts import authority
        from households import access, import_kind
        from households.models import FollowUp, Household, HouseholdMember

        # A household's phone places its holder in the village's commune (rights requests, erasure).
        authority.register_places(access.places_of_person)
        # Besides the unit's officers, the village's own team keeps its households.
        for model in (Household, HouseholdMember, FollowUp):
            authority.register_rule(model, access.team_keeps)
        import_kind.register()
