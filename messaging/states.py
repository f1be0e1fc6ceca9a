"""Moving messages between states, always leaving a MessageEvent behind.

Every change is announced with messaging.signals.message_state_changed once committed.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone

from messaging.models import Message, MessageEvent
from messaging.signals import announce_moves

# (message, to_state, note, provider_answer, other fields to set)
Move = tuple[Message, str, str, str, dict[str, Any]]


def move(
    message: Message, to_state: str, *, note: str = "", provider_answer: str = "", **fields: Any
) -> Message:
    """Save `message` in `to_state` (plus `fields`) and record the change."""
    return move_each([(message, to_state, note, provider_answer, fields)])[0]


def move_each(moves: Sequence[Move]) -> list[Message]:
    """Apply many `(message, to_state, note, provider_answer, fields)` moves in one transaction:
    one UPDATE per set of changed fields and one INSERT of their events, not two writes and a
    commit per message (what lets one worker send hundreds of texts a second). Events of one
    call share its time."""
    if not moves:
        return []
    now = timezone.now()
    groups: defaultdict[tuple[str, ...], list[Message]] = defaultdict(list)
    events: list[MessageEvent] = []
    moved: defaultdict[str, list[int]] = defaultdict(list)
    for message, to_state, note, provider_answer, fields in moves:
        from_state = message.state
        message.state = to_state
        message.updated_at = now
        for name, value in fields.items():
            setattr(message, name, value)
        groups[tuple(sorted(fields))].append(message)
        events.append(
            MessageEvent(
                message=message,
                from_state=from_state,
                to_state=to_state,
                at=now,
                note=note[:255],
                provider_answer=provider_answer,
            )
        )
        moved[to_state].append(message.pk)
    with transaction.atomic():
        for names, messages in groups.items():
            _update(messages, ["state", "updated_at", *names])
        MessageEvent.objects.bulk_create(events)
        for to_state, ids in moved.items():
            announce_moves(ids, to_state)
    return [message for message, *_ in moves]


def _update(messages: Sequence[Message], names: Iterable[str]) -> None:
    """One UPDATE for `messages`: a value all share is set as is, one that differs by row with
    `CASE id WHEN … THEN … END` (bulk_update builds a When expression per row and field, which
    cost more CPU than sending the texts)."""
    values: dict[str, Any] = {}
    for name in names:
        field = cast(
            "models.Field[Any, Any]", Message._meta.get_field(name)
        )  # a column, no relation's far side
        column = {message.pk: getattr(message, field.attname) for message in messages}
        if len(set(column.values())) == 1:
            values[field.attname] = next(iter(column.values()))
            continue
        params: list[Any] = []
        for pk, value in column.items():
            params += [pk, field.get_db_prep_save(value, connection)]
        pk_column = connection.ops.quote_name(cast(str, Message._meta.pk.column))
        whens = " ".join(["WHEN %s THEN %s"] * len(column))
        # Only placeholders and a quoted column name in the text; every value is a parameter.
        case = f"CASE {pk_column} {whens} END"
        values[field.attname] = RawSQL(case, params, output_field=field)  # noqa: S611
    Message.objects.filter(pk__in=[message.pk for message in messages]).update(**values)


def move_many(
    queryset: models.QuerySet[Message],
    from_states: Iterable[str],
    to_state: str,
    *,
    note: str = "",
    **fields: Any,
) -> int:
    """Move every message of `queryset` still in `from_states`; returns how many moved."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(queryset.select_for_update().filter(state__in=from_states).values_list("pk", "state"))
        if not rows:
            return 0
        ids = [pk for pk, _ in rows]
        queryset.model.objects.filter(pk__in=ids).update(state=to_state, updated_at=now, **fields)
        MessageEvent.objects.bulk_create(
            MessageEvent(message_id=pk, from_state=state, to_state=to_state, at=now, note=note[:255])
            for pk, state in rows
        )
        announce_moves(ids, to_state)
    return len(rows)
