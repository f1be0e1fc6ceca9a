"""What teams tell the layers above when the facts they count change.

Reporting keeps the commune totals its dashboards read from these signals; teams never imports
reporting, so layers stay one way. Senders send inside the writing transaction, so receivers
that recompute totals commit (or roll back) together with the change.
"""

from django.dispatch import Signal

# commune_months: the (commune_id, first day of the month) pairs whose assistance logs changed.
logs_changed = Signal()

# commune_ids: the communes whose villages, teams, members or members' training changed.
commune_counts_changed = Signal()
