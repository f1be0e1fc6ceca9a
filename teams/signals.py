"""What teams tell the layers above when the facts they count change.

Reporting keeps the commune totals its dashboards read from these signals; teams never imports
reporting, so layers stay one way. Senders send inside the writing transaction, so receivers
that recompute totals commit (or roll back) together with the change.
"""

from django.dispatch import Signal

# commune_months: the (commune_id, first day of the month) pairs whose assistance logs changed;
# None after a bulk write around the app (the demo, seed_scale): any month may have changed.
# added: when the change is only new logs, where each is (its commune and province) and what it
# adds (teams.logbook.announce_new), so a receiver may add it instead of counting the months
# again; absent for any other change.
logs_changed = Signal()

# commune_ids: the communes whose villages, teams, members or members' training changed;
# None after a bulk write around the app: any commune may have changed.
commune_counts_changed = Signal()


def everything_changed(sender):
    """After rows were written in bulk by SQL or `bulk_create`: every total is to be recomputed."""
    logs_changed.send(sender=sender, commune_months=None)
    commune_counts_changed.send(sender=sender, commune_ids=None)
