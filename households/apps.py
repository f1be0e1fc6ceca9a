from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HouseholdsConfig(AppConfig):
    name = "households"
    verbose_name = _("Households")

    def ready(self):
        from accounts import authority
        from households import access, import_kind, seed_scale, totals, week
        from households.models import FollowUp, Household, HouseholdMember
        from places.signals import villages_moved
        from teams import seed_scale as teams_seed
        from teams import targets
        from teams import week as team_week

        # A household's phone places its holder in the village's commune (rights requests, erasure).
        authority.register_places(access.places_of_person)
        # Besides the unit's officers, the village's own team keeps its households.
        for model in (Household, HouseholdMember, FollowUp):
            authority.register_rule(model, access.team_keeps)
        import_kind.register()
        # The leader's week lists follow-up visits; a team's targets may count households covered.
        team_week.register_source(week.team_week)
        targets.register_measure(
            "households", _("Households covered"), week.households_covered, monthly=False
        )
        # A village moved between communes takes its households along: both communes' figures move.
        villages_moved.connect(totals.villages_moved, dispatch_uid="households.villages_moved")
        # Seeded households hang off seeded villages: a new teams seed removes them first.
        teams_seed.register_remover(seed_scale.remove_households)
