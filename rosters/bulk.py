"""Inserting tens of thousands of rows at the speed of PostgreSQL's COPY, keys known in advance.

`bulk_create` builds one INSERT of a thousand rows of parameters at a time, preparing every value
of every object in Python; for an import of 50,000 members and their history that is most of the
time spent writing. Here the keys are taken from the table's sequence in one query, and the rows
are streamed with COPY (psycopg adapts the values in C), so a member's key is known before its
history rows are written. Other databases (SQLite in development) go through `bulk_create`.

Only fields whose Python value is what the database stores are written as they are; `auto_now`
and `auto_now_add` dates get the time of the insert, as `save()` gives them. A model with a field
needing conversion (JSON, files, custom types) goes through `bulk_create` too.
"""

from django.db import connection, connections, models, router
from django.db.models import signals
from django.db.models.base import ModelState
from django.db.models.expressions import RawSQL
from django.utils import timezone

BATCH_SIZE = 1000
_PLAIN = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.DateField,  # DateTimeField too
    models.ForeignKey,
)


def insert(model, objects):
    """Insert the unsaved `objects` of `model` and give each its primary key; returns them."""
    objects = list(objects)
    connection = connections[router.db_for_write(model)]
    if not objects or not _copies(connection, model):
        return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    pk = model._meta.pk
    for instance, key in zip(objects, _keys(connection, model, len(objects)), strict=True):
        setattr(instance, pk.attname, key)
    _copy(connection, model, model._meta.concrete_fields, (instance.__dict__ for instance in objects))
    for instance in objects:
        instance._state.adding = False
        instance._state.db = connection.alias
    return objects


def unsaved(model, rows, **common):
    """Unsaved instances of `model`, as `model(**common, **row)` makes them for each of `rows`
    (dicts of field attnames to values), at a tenth of the cost: fifty thousand `__init__` calls,
    each asking every default again, were the largest part of writing a provincial roster. Fields
    a row leaves out take their default, asked once and shared, so only models of plain fields
    (whose defaults are values, never containers) are made so; one with its own `__init__`, or
    whose making other code listens to (pre_init, post_init), is made the usual way too."""
    if (
        not _plain(model)
        or model.__init__ is not models.Model.__init__
        or any(signal.has_listeners(model) for signal in (signals.pre_init, signals.post_init))
    ):
        return [model(**common, **row) for row in rows]
    # Every field's default, even those the first row gives: a blank cell leaves a field out of its row.
    defaults = {field.attname: field.get_default() for field in model._meta.concrete_fields} | common
    instances = []
    for row in rows:
        instance = model.__new__(model)
        instance._state = ModelState()
        instance.__dict__.update(defaults)
        instance.__dict__.update(row)
        instances.append(instance)
    return instances


def insert_rows(model, rows, **common):
    """Insert `rows` (dicts of field attnames to values, plus `common` to all) where no instance
    is needed afterwards: fields a row leaves out take their default, asked once."""
    connection = connections[router.db_for_write(model)]
    if not rows:
        return
    if not _copies(connection, model):
        model.objects.bulk_create([model(**common, **row) for row in rows], batch_size=BATCH_SIZE)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    given = set(rows[0]) | set(common)
    defaults = {
        field.attname: field.get_default()
        for field in fields
        if field.attname not in given and not _stamped(field)
    }
    _copy(connection, model, fields, ({**defaults, **common, **row} for row in rows))


def _copies(connection, model):
    """Whether `model` can be written by COPY: PostgreSQL, and values stored as Python holds them."""
    return connection.vendor == "postgresql" and _plain(model)


def _plain(model):
    return all(isinstance(field, _PLAIN) for field in model._meta.concrete_fields)


def _stamped(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _keys(connection, model, count):
    """`count` new primary keys from the table's sequence, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [key for (key,) in cursor.fetchall()]


def _copy(connection, model, fields, rows):
    """COPY `rows` (mappings of attname to value) into `fields`; auto_now dates are now."""
    now = timezone.now()
    stamped = [field.attname for field in fields if _stamped(field)]
    names = [field.attname for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for values in rows:
            for name in stamped:
                values[name] = now
            copy.write_row([values[name] for name in names])


def among(values, db_type):
    """The right side of an `__in` lookup for thousands of values: on PostgreSQL one array
    parameter of `db_type` ("bigint", "text"), where Django would prepare and bind each value;
    the plain list elsewhere."""
    values = list(values)
    if db_type not in ("bigint", "text"):
        raise ValueError(db_type)
    if connection.vendor == "postgresql":
        return RawSQL(f"SELECT unnest(%s::{db_type}[])", [values])  # noqa: S611 (values bound)
    return values
