"""The village list of a commune: thôn, bản, ấp and tổ dân phố with their population.

Villages have no official codes (shared/domain.md), so they arrive by this list or by a roster.
They are matched on (commune, unit key): "Thôn Đông", "thon dong" and "Đông" are one village.
"""

from django.utils.translation import gettext as _

from places.models import Village
from places.names import PlaceNameError, PlaceNames
from teams.rosters import cleaning, columns
from teams.rosters.cleaning import CellError
from teams.rosters.outcome import READ, Plan
from teams.rosters.tables import find_table, missing_header_message
from vietnamese.text import normalize, search_key


class VillagePlanner:
    def __init__(self, scope, skip_sheets=()):
        self.places = PlaceNames(scope)
        self.plan = Plan()
        self.skip_sheets = set(skip_sheets)

    def run(self, sheets, progress=None):
        wanted = {}  # (commune code, key) -> (summary, row, Village fields)
        for position, sheet in enumerate(sheets):
            table = find_table(sheet, columns.VILLAGE_COLUMNS)
            if table is None:
                self.plan.account_for(sheet, position, columns.VILLAGE_COLUMNS, self.skip_sheets)
                continue
            summary = self.plan.summarise(sheet, position, table)
            title_commune = self.places.commune_in_title(sheet.rows[: table.header_index])
            for record in table.records():
                row = self._read_row(table, summary, record, title_commune)
                if row:
                    commune, name, population = row
                    key = (commune.pk, self.places.village_key(commune, name))
                    if key in wanted:
                        summary.errors += 1
                        self.plan.errors.append(
                            table.error(
                                record,
                                "village",
                                _("%(name)s is also on row %(row)s: remove one row.")
                                % {"name": name, "row": wanted[key][1]},
                            )
                        )
                        continue
                    wanted[key] = (summary, record.row, commune, name, population)
            summary.skipped += table.skipped
        if not any(sheet.status == READ for sheet in self.plan.sheets):
            self.plan.sheets = []
            self.plan.file_error = missing_header_message(sheets[0], columns.VILLAGE_COLUMNS)
        existing = {
            (village.commune_id, village.name_key): village
            for village in Village.objects.filter(commune_id__in={key[0] for key in wanted})
        }
        for key, (summary, _row, commune, name, population) in wanted.items():
            village = existing.get(key)
            if village is None:
                kind = (
                    Village.Kind.RESIDENTIAL_GROUP
                    if search_key(name).startswith(("to ", "tdp"))
                    else (Village.Kind.VILLAGE)
                )
                self.plan.new_villages[key] = Village(
                    commune=commune, name=name, name_key=key[1], kind=kind, population=population
                )
                summary.new += 1
            elif population is not None and village.population != population:
                village.population = population
                self.plan.changed_villages[village.pk] = village
                summary.updated += 1
            else:
                summary.unchanged += 1
        return self.plan

    def _read_row(self, table, summary, record, title_commune):
        values, errors = record.values, []
        try:
            province = self.places.province(values["province"]) if "province" in values else None
            if "commune" in values:
                commune = self.places.commune(values["commune"], province, values.get("district"))
            else:
                commune = title_commune or self.places.default_commune()
                if commune is None:
                    raise CellError(
                        _("The row does not say which commune it belongs to: add a Xã/Phường column.")
                    )
        except (CellError, PlaceNameError) as error:
            errors.append(table.error(record, "commune", str(error)))
        population = None
        if "population" in values:
            try:
                population = cleaning.clean_population(values["population"])
            except CellError as error:
                errors.append(table.error(record, "population", str(error)))
        if "village" not in values:
            errors.append(table.error(record, "village", _("The village name is missing.")))
        if errors:
            summary.errors += 1
            self.plan.errors.extend(errors)
            return None
        return commune, normalize(str(values["village"])), population
