"""Moving messages between states, always leaving a MessageEvent behind."""

from django.db import transaction
from django.utils import timezone

from messaging.models import MessageEvent


def move(message, to_state, *, note="", provider_answer="", **fields):
    """Save `message` in `to_state` (plus `fields`) and record the change."""
    from_state = message.state
    message.state = to_state
    for name, value in fields.items():
        setattr(message, name, value)
    with transaction.atomic():
        message.save(update_fields=["state", "updated_at", *fields])
        MessageEvent.objects.create(
            message=message,
            from_state=from_state,
            to_state=to_state,
            note=note[:255],
            provider_answer=provider_answer,
        )
    return message


def move_many(queryset, from_states, to_state, *, note="", **fields):
    """Move every message of `queryset` still in `from_states`; returns how many moved."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(queryset.select_for_update().filter(state__in=from_states).values_list("pk", "state"))
        if not rows:
            return 0
        queryset.model.objects.filter(pk__in=[pk for pk, _ in rows]).update(
            state=to_state, updated_at=now, **fields
        )
        MessageEvent.objects.bulk_create(
            MessageEvent(message_id=pk, from_state=state, to_state=to_state, at=now, note=note[:255])
            for pk, state in rows
        )
    return len(rows)
