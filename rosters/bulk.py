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
    fields = model._meta.concrete_fields
    plain = all(isinstance(field, _PLAIN) for field in fields)
    if not objects or connection.vendor != "postgresql" or not plain:
        return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    table = model._meta.db_table
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, pk.column, len(objects)],
        )
        for instance, (key,) in zip(objects, cursor.fetchall(), strict=True):
            setattr(instance, pk.attname, key)
        now = timezone.now()
        stamped = {field.attname for field in fields if getattr(field, "auto_now", False)} | {
            field.attname for field in fields if getattr(field, "auto_now_add", False)
        }
        names = [field.attname for field in fields]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({columns}) FROM STDIN") as copy:
            for instance in objects:
                values = instance.__dict__
                for name in stamped:
                    values[name] = now
                copy.write_row([values[name] for name in names])
    for instance in objects:
        instance._state.adding = False
        instance._state.db = connection.alias
    return objects


def among(values, db_type):
    """The right side of an `__in` lookup for thousands of values: on PostgreSQL one array
    parameter of `db_type` ("bigint", "text"), where Django would prepare and bind each value;
    the plain list elsewhere."""
    values = list(values)
    if db_type not in ("bigint", "text"):
        raise ValueError(db_type)
    if connection.vendor == "postgresql":
        return RawSQL(f"SELECT unnest(%s::{db_type}[])", [values])  # noqa: S608, S611 (values bound)
    return values
