"""What places tells the layers above when the map's rows change, so they never listen to ORM
signals on its tables (an extra SELECT before every save, and blind to what moved).

villages_moved(commune_ids)
    Villages were added to, moved between or removed from these communes (a set of ids). Sent
    by `Village.save()` and `Village.delete()` inside the writing transaction, so a receiver's
    totals commit or roll back with the change; not sent when a village is only renamed or its
    population changes. Bulk writes (`bulk_create`, `update`, SQL) send nothing: their writers
    announce what they changed themselves (teams.signals.everything_changed).
"""

from django.dispatch import Signal

villages_moved = Signal()
