"""Numbers stored with digits that are not ASCII ("+84９６６…", "+84٩٦٦…") are written in ASCII.

Before vietnamese/phones.py folded them, such a spelling was stored as typed, so one person could
hold a second copy of their number that per-number limits, duplicate checks, "my data" and
erasure never matched. Where the ASCII spelling already exists in a column that allows one row
per number, the copy is the duplicate the check would have refused: a sign-up hold or a mute entry
is deleted (the ASCII one stands), a nullable number is emptied, and a training registration
(one per number and session) loses its number but keeps its count.
"""

import re

from django.db import IntegrityError, migrations, transaction

from vietnamese.phones import ascii_digits

_NOT_ASCII = r"[^+0-9]"

# (app, model, field, what to do when the ASCII spelling is taken: "delete" or "empty")
_COLUMNS = [
    ("accounts", "User", "phone", "empty"),
    ("accounts", "Invitation", "phone", "delete"),
    ("messaging", "Message", "recipient", None),
    ("messaging", "ConsentRecord", "phone", None),
    ("messaging", "MutedNumber", "phone", "delete"),
    ("teams", "Member", "phone", "empty"),
    ("trainings", "Registration", "phone", "empty"),
    ("trainings", "SignUpHold", "phone", "delete"),
    ("privacy", "RightsRequest", "phone", None),
]


def _ascii(value):
    return re.sub(r"\s", "", ascii_digits(value))


def write_in_ascii(apps, schema_editor):
    for app, name, field, on_conflict in _COLUMNS:
        model = apps.get_model(app, name)
        for row in model._default_manager.filter(**{f"{field}__regex": _NOT_ASCII}).iterator():
            rows = model._default_manager.filter(pk=row.pk)
            try:
                with transaction.atomic():
                    rows.update(**{field: _ascii(getattr(row, field))})
            except IntegrityError:
                if on_conflict == "delete":
                    rows.delete()
                else:
                    rows.update(**{field: None})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_role_units_on_places"),
        ("messaging", "0005_message_commune_on_places"),
        ("teams", "0010_rosterimport_moved_to_rosters"),
        ("trainings", "0004_session_units_on_places"),
        ("privacy", "0003_request_placed_by_the_persons_data"),
    ]

    operations = [migrations.RunPython(write_in_ascii, migrations.RunPython.noop)]
