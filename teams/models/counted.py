"""Rows that the dashboards count: saving or deleting one tells reporting what changed.

A team's status, village and commune, a member's team, leaving and training, and a log's
commune, date and figures decide the totals reporting keeps. When one of these changes, the row
is written and teams' signal sent in one transaction, so the totals commit with the change,
whoever made it: the admin, the team area, attendance, a script. Bulk writes (`bulk_create`,
`update`, SQL) bypass this; their writers send the signal themselves.
"""

from django.db import models, transaction


class CountedInReports(models.Model):
    counted_fields = ()  # the fields whose change changes a total

    class Meta:
        abstract = True

    def save(self, *args, announce=True, **kwargs):
        """`announce=False` leaves the signal to the caller, who writes more that counts (a log's
        outcomes) and announces it all once with `announce_change`."""
        before, after = self.counted_before(), None
        # Inside a caller's transaction, no savepoint of its own (two round trips on every log a
        # leader saves, issue 26): a failed save rolls the caller's block back, as Django's own
        # save does; on its own it is still one transaction with the signal.
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            after = self._counted_state()
            if announce and before != after:
                self.counted_changed([after, before] if before else [after])
        self._counted = after

    def announce_change(self, before):
        """Send the signal for a row saved with `announce=False`; `before` is its `counted_before()`."""
        after = self._counted_state()
        self.counted_changed([after, before] if before and before != after else [after])

    def counted_before(self):
        """What the row counted in when read (None for a new row), for `announce_change`."""
        return getattr(self, "_counted", None)

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            state = self._counted_state()
            result = super().delete(*args, **kwargs)
            self.counted_changed([state])
        return result

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._counted = instance._counted_state()
        return instance

    def _counted_state(self):
        return {name: self.__dict__.get(name) for name in self.counted_fields}

    def counted_changed(self, states):
        """Send teams' signal for the totals the row counted in, in each of `states` (before, after)."""
        raise NotImplementedError
