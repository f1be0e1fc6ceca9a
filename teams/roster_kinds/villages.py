"""The village list of a commune: thôn, bản, ấp and tổ dân phố with their population.

Villages have no official codes (shared/domain.md), so they arrive by this list or by a roster.
They are matched on (commune, unit key): "Thôn Đông", "thon dong" and "Đông" are one village.
The roster's RosterPlan carries the outcome and its writer writes it.
"""

from django.utils.translation import gettext as _

from places.models import Village
from places.names import PlaceNameError, PlaceNames, village_kind
from rosters import cleaning
from rosters.cleaning import CellError
from rosters.kinds import Planner
from teams.roster_kinds import columns
from teams.roster_kinds.plan import RosterPlan
from vietnamese.text import normalize


class VillagePlanner(Planner):
    columns = columns.VILLAGE_COLUMNS
    plan_class = RosterPlan

    def __init__(self, scope, skip_sheets=(), filename="", choices=None):
        super().__init__(scope, skip_sheets, filename, choices)
        self.places = PlaceNames(scope)
        self.wanted = {}  # (commune code, key) -> row number, to refuse a village listed twice

    def start_sheet(self, sheet, table, summary):
        return self.places.commune_in_title(sheet.rows[: table.header_index])

    def read_row(self, table, summary, record, title_commune):
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
            self.reject(summary, errors)
            return None
        name = normalize(str(values["village"]))
        key = (commune.pk, self.places.village_key(commune, name))
        if key in self.wanted:
            message = _("%(name)s is also on row %(row)s: remove one row.") % {
                "name": name,
                "row": self.wanted[key],
            }
            self.reject(summary, [table.error(record, "village", message)])
            return None
        self.wanted[key] = record.row
        return key, summary, commune, name, population

    def plan_rows(self, rows, progress):
        existing = {
            (village.commune_id, village.name_key): village
            for village in Village.objects.filter(commune_id__in={key[0] for key, *_rest in rows})
        }
        for key, summary, commune, name, population in rows:
            village = existing.get(key)
            if village is None:
                self.plan.new_villages[key] = Village(
                    commune=commune,
                    name=name,
                    name_key=key[1],
                    kind=village_kind(name),
                    population=population,
                )
                summary.new += 1
            elif population is not None and village.population != population:
                village.population = population
                self.plan.changed_villages[village.pk] = village
                summary.updated += 1
            else:
                summary.unchanged += 1
