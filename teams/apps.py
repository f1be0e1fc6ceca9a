from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams")

    def ready(self):
        from accounts import authority, memberships
        from places.models import Village
        from places.tombstones import keep_tombstones
        from teams import roster_kinds
        from teams.membership import DIRECTORY, may_correct_log, places_of_person
        from teams.models import AssistanceLog, Member, Team

        memberships.register(DIRECTORY)
        # Where a person appears on teams, and who besides officers corrects a log (its leader).
        authority.register_places(places_of_person)
        authority.register_rule(AssistanceLog, may_correct_log)
        roster_kinds.register()  # the team roster and village list, for rosters/
        # Provinces pull these by increments through the API: a deleted one leaves a mark.
        for model, kind in ((Team, "teams"), (Member, "members"), (AssistanceLog, "logs")):
            keep_tombstones(model, kind)
        # Villages are counted per commune; teams tells reporting when one is added, moved or removed.
        pre_save.connect(_remember_commune, sender=Village, dispatch_uid="teams.village_commune")
        post_save.connect(_village_changed, sender=Village, dispatch_uid="teams.village_saved")
        post_delete.connect(_village_changed, sender=Village, dispatch_uid="teams.village_deleted")


def _remember_commune(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._commune_before = (
            sender.objects.filter(pk=instance.pk).values_list("commune_id", flat=True).first()
        )


def _village_changed(sender, instance, raw=False, created=None, **kwargs):
    from teams.signals import commune_counts_changed

    if raw:
        return
    before = getattr(instance, "_commune_before", None)
    if created is False and before == instance.commune_id:
        return  # renamed, or its population changed: no count moved
    commune_counts_changed.send(sender=sender, commune_ids={instance.commune_id, before} - {None})
