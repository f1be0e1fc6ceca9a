"""What messaging tells other apps, so they never listen to ORM signals on its tables.

Its tables are its own business: a listener on MutedNumber's post_save would miss an opt-out
written in bulk and fire on a row merely rewritten. These signals say what happened instead.

number_muted(phone)
    A number was opted out (a STOP text, Twilio's error 21610, an officer writing down an
    opt-out). Sent once, inside the transaction that mutes it.
number_unmuted(phone)
    A muted number opted back in. Sent inside the transaction, after consent for every purpose
    is recorded again, so a listener that queues texts finds the number may be texted.
message_state_changed(message_ids, to_state)
    Messages moved to `to_state` (queued, sent, failed, cleared…). Sent once the change is
    committed, one signal per batch of messages, so listeners read committed rows and a
    rolled-back change is never announced.
"""

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

number_muted = Signal()
number_unmuted = Signal()
message_state_changed = Signal()


def announce_moves(message_ids: Iterable[int], to_state: str) -> None:
    """Send message_state_changed once the current transaction commits."""
    if not message_ids:
        return
    ids = list(message_ids)
    transaction.on_commit(lambda: message_state_changed.send(sender=None, message_ids=ids, to_state=to_state))
