"""Rows that the dashboards count: saving or deleting one tells reporting which communes changed.

A team's status, village and commune, and a member's team, leaving and training decide the
commune counts (villages covered, members, trained). When one of these changes, the row is
written and `commune_counts_changed` sent in one transaction, so the totals reporting keeps
commit with the change, whoever made it: the admin, the team area, attendance, a script.
Bulk writes (`bulk_create`, `update`) bypass this; their writers send the signal themselves.
"""

from django.db import models, transaction

from teams.signals import commune_counts_changed


class CountedInReports(models.Model):
    counted_fields = ()  # the fields whose change changes a commune's counts

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        before, after = getattr(self, "_counted", None), None
        with transaction.atomic():
            super().save(*args, **kwargs)
            after = self._counted_state()
            if before != after:
                states = [after, before] if before else [after]
                commune_counts_changed.send(sender=type(self), commune_ids=self.communes_of(*states))
        self._counted = after

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            communes = self.communes_of(self._counted_state())
            result = super().delete(*args, **kwargs)
            commune_counts_changed.send(sender=type(self), commune_ids=communes)
        return result

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._counted = instance._counted_state()
        return instance

    def _counted_state(self):
        return {name: self.__dict__.get(name) for name in self.counted_fields}

    def communes_of(self, *states):
        """The commune codes the row counts in, in each of `states` (dicts of `counted_fields`)."""
        raise NotImplementedError
