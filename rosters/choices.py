"""The officer's column choices: given for one file, remembered for the unit's next file.

A choice maps a header ("Ấp", "Ghi chú") to a field of the kind, or to "" (not imported). The
choices of one import are kept on its job; when the officer makes them in the preview they are
also remembered per unit, kind and header (`ColumnChoice`), and read back for any file of that
unit whose header is the same. The command takes them as `--column "Ấp=village"`.
"""

from django.utils.translation import gettext as _

from rosters.headers import ColumnChoices
from rosters.models import ColumnChoice
from rosters.tables import header_key

NOT_IMPORTED = ""


def unit_of(scope):
    """The unit an officer's scope stands for: 'national', or its provinces and communes."""
    if scope.national:
        return "national"
    return ",".join([*sorted(f"p{code}" for code in scope.provinces), *sorted(scope.communes)])[:200]


def choices_for(scope, kind, chosen=None):
    """`chosen` ({header key: field}) with what the unit chose before for the same headers."""
    remembered = {
        choice.signature: choice.choices
        for choice in ColumnChoice.objects.filter(unit=unit_of(scope), kind=kind)
    }
    return ColumnChoices(dict(chosen or {}), remembered)


def remember(scope, kind, summary, chosen):
    """Keep `chosen` for the unit's next file with the same header as each sheet it applies to."""
    for sheet in summary.get("sheets", []):
        keys = {column["key"] for column in sheet.get("columns", [])}
        mine = {key: field for key, field in chosen.items() if key in keys}
        if not mine or not sheet.get("signature"):
            continue
        ColumnChoice.objects.update_or_create(
            unit=unit_of(scope),
            kind=kind,
            signature=sheet["signature"],
            defaults={"choices": mine},
        )


def fields_of(kind):
    """(field, label) an officer may map a column to: the kind's columns, each field once."""
    fields = {}
    for column in kind.planner.columns:
        if not column.part:
            fields.setdefault(column.field, column.label)
    return list(fields.items())


def parse_option(text, kind):
    """'Ấp=village' (or 'Ghi chú=' for not imported, '#C=village' for column C without a header)
    as (column key, field); ValueError if not."""
    header, sep, field = text.partition("=")
    field = field.strip()
    known = dict(fields_of(kind))
    key = header.strip().upper() if header.strip().startswith("#") else header_key(header)
    if not sep or not key.strip("#") or (field and field not in known):
        raise ValueError(
            _("Write the column as HEADER=FIELD, FIELD one of: %(fields)s (or nothing: not imported).")
            % {"fields": ", ".join(known)}
        )
    return key, field or NOT_IMPORTED
