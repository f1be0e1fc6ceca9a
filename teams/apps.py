from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from teams.signals import commune_counts_changed


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams")

    def ready(self):
        from accounts import authority, memberships
        from places.signals import villages_moved
        from places.tombstones import keep_tombstones
        from teams import roster_kinds, targets, week
        from teams.membership import DIRECTORY, may_correct_log, places_of_person
        from teams.models import AssistanceLog, Member, Team

        memberships.register(DIRECTORY)
        # Where a person appears on teams, and who besides officers corrects a log (its leader).
        authority.register_places(places_of_person)
        authority.register_rule(AssistanceLog, may_correct_log)
        roster_kinds.register()  # the team roster and village list, for rosters/
        # What a team's targets count from its own logs; households covered is the households app's.
        targets.register_measure("citizens", _("Citizens helped this month"), targets.citizens_helped)
        week.register_source(week.members_not_trained)
        targets.register_measure(
            "vneid", _("VNeID level-2 activations this month"), targets.vneid_activations
        )
        # Provinces pull these by increments through the API: a deleted one leaves a mark.
        for model, kind in ((Team, "teams"), (Member, "members"), (AssistanceLog, "logs")):
            keep_tombstones(model, kind)
        # Villages are counted per commune: places says when one is added, moved or removed.
        villages_moved.connect(_villages_moved, dispatch_uid="teams.villages_moved")


def _villages_moved(sender, commune_ids, **kwargs):
    commune_counts_changed.send(sender=sender, commune_ids=commune_ids)
