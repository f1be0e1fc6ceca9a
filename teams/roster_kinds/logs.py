"""Assistance logs from a spreadsheet: the roster importer's kind for sessions kept in Excel.

Each row is one session of the team working in the row's village, checked as the leader's form
checks it (teams.forms.AssistanceLogForm): the date not in the future nor outside the team's
life, parts within the whole, each outcome under a service of the session. A village outside
the officer's area is refused like a commune outside it. Nothing is written until every row is
right (rosters' preview and confirm).

A row's key is a hash of its team, date, village and figures (and its rank among identical
rows of the file), stored as the log's `submission_key`: importing the same file again finds
every key and adds nothing, while a session typed by hand is never mistaken for a row.
"""

import functools
import hashlib
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from places.models import Village
from places.names import PlaceNameError, PlaceNames
from rosters import cleaning
from rosters.cells import cell_text
from rosters.cleaning import CellError
from rosters.kinds import Planner
from rosters.outcome import Plan
from teams.forms import MAX_PER_SESSION
from teams.models import AssistanceLog, OutcomeType, Service, Team
from teams.roster_kinds.log_columns import LOG_COLUMNS
from vietnamese.text import normalize, search_key

_SEPARATORS = re.compile(r"[;\n,]+")
_OUTCOME = re.compile(r"^(.*?)[\s:=]+(\d+)\s*$")
_NAMESPACE = uuid.UUID("6f1c1b52-8d0e-4d5e-9a51-2a1f3c7e0b26")  # of imported logs' keys


@dataclass
class LogPlan(Plan):
    new_logs: list = field(default_factory=list)  # dicts: the log's fields, services, outcomes

    def summary(self):
        return super().summary() | {"logs": len(self.new_logs)}


class Catalogue:
    """Services and outcome types by what people write for them, per province (each has its own)."""

    def __init__(self):
        self.services = list(Service.objects.filter(is_active=True))
        self.outcomes = list(OutcomeType.objects.filter(is_active=True).select_related("service"))
        self._found = {}

    def service(self, text, province_id):
        return self._find(text, province_id, self.services, lambda item: item.province_id)

    def outcome(self, text, province_id):
        return self._find(text, province_id, self.outcomes, lambda item: item.service.province_id)

    def _find(self, text, province_id, items, province_of):
        """The one item whose code or name is `text`, else the one whose name holds its words."""
        key = (id(items), search_key(text), province_id)
        if key not in self._found:
            words = key[1]
            mine = [item for item in items if province_of(item) in (None, province_id)]
            exact = [
                item
                for item in mine
                if words in {item.code, search_key(item.name_vi), search_key(item.name_en)}
            ]
            within = [
                item
                for item in mine
                if words
                and any(f" {words} " in f" {search_key(name)} " for name in (item.name_vi, item.name_en))
            ]
            found = exact or within
            self._found[key] = found[0] if len(found) == 1 else None
        return self._found[key]


def clean_count(value, label):
    text = cell_text(value).replace(".", "").replace(",", "").replace(" ", "")
    if not text.isdigit():
        raise CellError(
            _("%(label)s: %(value)s is not a whole number.") % {"label": label, "value": cell_text(value)}
        )
    count = int(text)
    if count > MAX_PER_SESSION:
        raise CellError(
            _("No session helps more than %(limit_value)s people: check the number.")
            % {"limit_value": MAX_PER_SESSION}
        )
    return count


def clean_day(value):
    """An Excel date, an Excel serial number (also as text, from CSV) or dd/mm/yyyy."""
    text = cell_text(value)
    if text.isdigit() and 20000 <= int(text) < 80000:
        value = int(text)
    day = cleaning.clean_date(value)
    if day > timezone.localdate():
        raise CellError(_("The date cannot be in the future."))
    return day


class LogPlanner(Planner):
    columns = LOG_COLUMNS
    plan_class = LogPlan

    def __init__(self, scope, skip_sheets=(), filename="", choices=None):
        super().__init__(scope, skip_sheets, filename, choices)
        self.places = PlaceNames(scope)
        self.catalogue = Catalogue()
        # One cleaner per count column, named once: `cleaned` then works each value out once.
        self.counts = [
            (name, functools.partial(clean_count, label=label))
            for name, label in (
                ("citizens_helped", _("Citizens helped")),
                ("women_helped", _("of whom women")),
                ("over_60_helped", _("of whom over 60")),
            )
        ]

    def start_sheet(self, sheet, table, summary):
        return self.places.commune_in_title(sheet.rows[: table.header_index])

    def read_row(self, table, summary, record, title_commune):
        values, errors, failed = record.values, [], set()

        def fail(name, message):
            failed.add(name)
            errors.append(table.error(record, name, str(message)))

        commune = self._commune(values, title_commune, fail)
        row = {"row": record.row, "summary": summary, "table": table, "record": record, "commune": commune}
        try:
            row["held_on"] = self.cleaned(clean_day, values.get("held_on"))
        except CellError as error:
            fail("held_on", error)
        for name, cleaner in self.counts:
            if name in values:
                try:
                    row[name] = self.cleaned(cleaner, values[name])
                except CellError as error:
                    fail(name, error)
            else:
                row[name] = None
        if row.get("citizens_helped") is None and "citizens_helped" not in failed:
            fail("citizens_helped", _("The number of citizens helped is missing."))
        citizens = row.get("citizens_helped")
        for name in ("women_helped", "over_60_helped"):
            if citizens is not None and row.get(name) is not None and row[name] > citizens:
                fail(name, _("This cannot be more than the citizens helped (%(n)s).") % {"n": citizens})
        if commune is not None:
            self._services(values, row, commune.province_id, fail, failed)
        row["note"] = normalize(cell_text(values.get("note", "")))[:2000]
        row["village_name"] = normalize(cell_text(values.get("village", "")))
        if not row["village_name"]:
            fail("village", _("The village name is missing."))
        if errors:
            self.reject(summary, errors)
            return None
        return row

    def _commune(self, values, title_commune, fail):
        try:
            province = self.places.province(values["province"]) if "province" in values else None
            if "commune" in values:
                return self.places.commune(values["commune"], province)
            commune = title_commune or self.places.default_commune()
            if commune is None:
                raise CellError(
                    _("The row does not say which commune it belongs to: add a Xã/Phường column.")
                )
            return commune
        except (CellError, PlaceNameError) as error:
            fail("commune", error)
            return None

    def _services(self, values, row, province_id, fail, failed):
        services = []
        for part in _SEPARATORS.split(cell_text(values.get("services", ""))):
            if part.strip():
                service = self.catalogue.service(part, province_id)
                if service is None:
                    fail(
                        "services",
                        _("%(value)s is not a service on the list: write its name as on the form.")
                        % {"value": part.strip()},
                    )
                else:
                    services.append(service)
        if not services and "services" not in failed:
            fail("services", _("Tick at least one service the session helped with."))
        outcomes = {}
        for part in re.split(r"[;\n]+", cell_text(values.get("outcomes", ""))):
            if not part.strip():
                continue
            match = _OUTCOME.match(part.strip())
            outcome = match and self.catalogue.outcome(match.group(1), province_id)
            if outcome is None:
                fail(
                    "outcomes",
                    _(
                        "%(value)s is not understood: write an outcome's name and its number, as “VNeID mức 2: 5”."
                    )
                    % {"value": part.strip()},
                )
                continue
            count = int(match.group(2))
            citizens = row.get("citizens_helped")
            if citizens is not None and count > citizens:
                fail("outcomes", _("This cannot be more than the citizens helped (%(n)s).") % {"n": citizens})
            elif outcome.service not in services:
                fail(
                    "outcomes",
                    _("Tick the service “%(service)s” too, or clear this count.")
                    % {"service": outcome.service.name},
                )
            elif count:
                outcomes[outcome.pk] = outcomes.get(outcome.pk, 0) + count
        row["services"], row["outcomes"] = services, outcomes

    def plan_rows(self, rows, progress):
        communes = {row["commune"].pk for row in rows}
        villages = {(v.commune_id, v.name_key): v for v in Village.objects.filter(commune_id__in=communes)}
        teams = self._teams(communes)
        seen = defaultdict(int)
        planned = []
        for row in rows:
            commune = row["commune"]
            village = villages.get((commune.pk, self.places.village_key(commune, row["village_name"])))
            team = village and (teams.get(village.pk) or teams.get((commune.pk, None)))
            problem = self._problem(row, village, team)
            if problem:
                self.reject(row["summary"], [row["table"].error(row["record"], *problem)])
                continue
            figures = (
                team.pk,
                row["held_on"].isoformat(),
                village.pk,
                row["citizens_helped"],
                row["women_helped"],
                row["over_60_helped"],
                tuple(sorted(s.pk for s in row["services"])),
                tuple(sorted(row["outcomes"].items())),
            )
            seen[figures] += 1
            key = uuid.uuid5(_NAMESPACE, hashlib.sha256(repr((figures, seen[figures])).encode()).hexdigest())
            planned.append((row, team, village, key))
        existing = (
            set(
                AssistanceLog.objects.filter(submission_key__in=[key for *_rest, key in planned]).values_list(
                    "submission_key", flat=True
                )
            )
            if planned
            else set()
        )
        for row, team, village, key in planned:
            if key in existing:
                row["summary"].unchanged += 1
                continue
            row["summary"].new += 1
            self.plan.new_logs.append(
                {
                    "team": team,
                    "village": village,
                    "key": key,
                    "held_on": row["held_on"],
                    "citizens_helped": row["citizens_helped"],
                    "women_helped": row["women_helped"],
                    "over_60_helped": row["over_60_helped"],
                    "note": row["note"],
                    "services": row["services"],
                    "outcomes": row["outcomes"],
                }
            )

    def _teams(self, communes):
        """Active teams by village, and each commune's team without a village (a commune-level team)."""
        teams = {}
        for team in Team.objects.active().filter(commune_id__in=communes):
            teams.setdefault(team.village_id if team.village_id else (team.commune_id, None), team)
        return teams

    def _problem(self, row, village, team):
        """(column, message) when the row's village or team refuses it, else None."""
        if village is None:
            return "village", _("No village %(name)s in this commune: add it to the village list first.") % {
                "name": row["village_name"]
            }
        if team is None:
            return "village", _("No active team works in %(name)s.") % {"name": village.name}
        day = row["held_on"]
        founded = team.decision_date or team.founded_on
        if founded and day < founded:
            return "held_on", _("The team was founded on %(date)s: a session cannot be before that.") % {
                "date": founded.strftime("%d/%m/%Y")
            }
        if team.dissolved_on and day > team.dissolved_on:
            return "held_on", _("The team was dissolved before this date.")
        return None
