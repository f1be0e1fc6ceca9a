"""The import plan: what each row of a roster would change, worked out without writing anything.

The preview shows it, the writer carries it out. Villages and teams are matched on (commune,
unit key) and created inside the officer's scope when missing; members are matched by phone,
then by name within the team, so importing the same file twice finds every row unchanged.
Members absent from the file are left alone: a file may cover only some villages.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.authority import may_act_on
from places.models import Village
from places.names import PlaceNameError, PlaceNames, village_kind
from rosters import bulk, cleaning
from rosters.cleaning import CellError
from rosters.kinds import Planner
from rosters.outcome import NEW, UNCHANGED, UPDATED, Plan, SheetSummary
from rosters.tables import RowError
from teams.models import Member, Team
from teams.roster_kinds import cleaning as member_cleaning
from teams.roster_kinds import columns
from teams.roster_kinds.title import decision_in_title
from vietnamese.phones import Phone
from vietnamese.text import normalize, search_key

_GENERIC_SHEET_NAMES = ("sheet", "trang tinh", "bang tinh", "danh sach", "tong hop", "ds")
# Names and phones differ on every row: cleaned as they come. The rest repeat: cleaned once.
_MEMBER_CLEANERS = {
    "role": member_cleaning.clean_role,
    "organisation": member_cleaning.clean_organisation,
    "gender": member_cleaning.clean_gender,
    "birth_year": cleaning.clean_birth_year,
    "joined_on": cleaning.clean_past_date,
}
_QUERY_CHUNK = 2000
# Rows whose phone is held on a team outside the officer's units: a few are people who moved; more
# is a file probing who holds which number, refused with one message instead of row by row.
OUTSIDE_ROWS_LIMIT = 3


@dataclass
class MemberChange:
    sheet: SheetSummary
    row: int
    team_key: tuple
    values: dict  # Member field -> clean value, only for the columns the file has
    member: Member | None = None  # the existing member it matches
    name_key: str = ""  # search_key of the full name, worked out once when matching (writer.py)
    status: str = NEW


@dataclass
class RosterPlan(Plan):
    new_villages: dict = field(default_factory=dict)  # (commune code, unit key) -> unsaved Village
    new_teams: dict = field(default_factory=dict)  # team key -> unsaved Team
    changed_teams: dict = field(default_factory=dict)  # pk -> Team with new decision fields
    changed_villages: dict = field(default_factory=dict)  # pk -> Village with a new population
    teams: dict = field(default_factory=dict)  # team key -> Team, existing or new
    members: list = field(default_factory=list)  # MemberChange without errors

    def changes(self):
        return super().changes() + sum(
            map(len, (self.new_villages, self.changed_villages, self.new_teams, self.changed_teams))
        )

    def summary(self):
        return super().summary() | {
            # After writing, every team the file names has a pk: the done page lists them.
            "team_ids": sorted(team.pk for team in self.teams.values() if team.pk),
            "villages_new": len(self.new_villages),
            # Named in the preview, so a hamlet misspelt into a second village is seen before it is.
            "villages_new_names": sorted(village.name for village in self.new_villages.values())[:100],
            "villages_updated": len(self.changed_villages),
            "teams_new": len(self.new_teams),
            "teams_updated": len(self.changed_teams),
        }


def team_key(commune, village_key):
    return (commune.code, village_key or "")  # .code, not the .pk property: once per row


class RosterPlanner(Planner):
    """Plans a team roster for an officer's `scope` (places.scopes.Scope)."""

    columns = columns.ROSTER_COLUMNS
    plan_class = RosterPlan

    def __init__(self, scope, skip_sheets=(), filename="", choices=None):
        super().__init__(scope, skip_sheets, filename, choices)
        self.places = PlaceNames(scope)
        # A workbook may hold one sheet per village, named after it; a CSV file's "sheet" is
        # named after the file ("minimal.csv"), which is no village.
        self.sheet_names_are_villages = not filename.lower().endswith((".csv", ".txt"))
        self.villages = {}  # (commune code, unit key) -> Village, existing or new
        self.teams = {}  # team key -> fields the file gives, then the Team (plan.teams)
        self.title_decisions = {}  # team key -> (number, date) read from its sheet's title lines
        self.today = timezone.localdate()
        self.outside_rows = set()  # (sheet, row) whose phone is held beyond the officer's units
        self.team_name = _("Community digital technology team %(place)s")  # translated once

    def plan_rows(self, rows, progress):
        self._load_units(rows)
        self._match_members(rows, progress)

    # Reading: cells to clean values and a team key per row.

    def start_sheet(self, sheet, table, summary):
        """(commune, founding decision, village) the sheet's title lines or name give its rows."""
        if "district" in table.written_headers:
            summary.notes.append(
                _("Districts no longer exist since 1 July 2025: the district column is ignored.")
            )
        fields = set(table.written_headers)
        title_commune = self.places.commune_in_title(sheet.rows[: table.header_index])
        decision = None
        if not {"decision_number", "decision_date"} & fields:
            decision = decision_in_title(sheet.rows[: table.header_index])
        if decision:
            summary.notes.append(
                _(
                    "Founding decision in the title lines: %(number)s of %(date)s (given to teams that have none)."
                )
                % {"number": decision[0], "date": decision[1].strftime("%d/%m/%Y")}
            )
        sheet_village = None
        if "village" not in fields and not self.sheet_names_are_villages:
            self.plan.file_error = str(
                _(
                    "The file has no Thôn/Tổ dân phố column, so the village of each member is unknown "
                    "(the file's name is not taken as a village). Add that column, as in the template, "
                    "and upload again. Nothing was imported."
                )
            )
            return None
        if "village" not in fields and not search_key(sheet.name).startswith(_GENERIC_SHEET_NAMES):
            sheet_village = normalize(sheet.name)
        return title_commune, decision, sheet_village

    def read_row(self, table, summary, record, context):
        title_commune, decision, sheet_village = context
        values, errors = record.values, []

        def fail(field_name, message):
            errors.append(table.error(record, field_name, str(message)))

        try:
            province = self.places.province(values["province"]) if "province" in values else None
        except PlaceNameError as error:
            province = None
            fail("province", error)
        commune = None
        if "commune" in values:
            try:
                commune = self.places.commune(values["commune"], province, values.get("district"))
            except PlaceNameError as error:
                fail("commune", error)
        elif not errors:
            commune = title_commune or self.places.default_commune()
            if commune is None:
                fail("", _("The row does not say which commune it belongs to: add a Xã/Phường column."))
        if "full_name" not in values:
            fail("full_name", _("Full name is missing: every member row needs the member's full name."))
        clean = {}
        if "full_name" in values:
            try:
                clean["full_name"] = cleaning.clean_name(values["full_name"])
            except CellError as error:
                fail("full_name", error)
        for name, cleaner in _MEMBER_CLEANERS.items():
            if name in values:
                try:
                    clean[name] = self.cleaned(cleaner, values[name])
                except CellError as error:
                    fail(name, error)
        if "phone" in values:
            try:
                clean["phone"], note = cleaning.clean_phone(values["phone"])
                if note:
                    self.plan.warnings.append(table.error(record, "phone", note))
            except CellError as error:
                fail("phone", error)
        team_fields = {}
        if "decision_number" in values:
            team_fields["decision_number"] = normalize(str(values["decision_number"]))[:60]
        if "decision_date" in values:
            try:
                team_fields["decision_date"] = self.cleaned(cleaning.clean_past_date, values["decision_date"])
            except CellError as error:
                fail("decision_date", error)
        if "team_name" in values:
            team_fields["name"] = normalize(str(values["team_name"]))[:200]
        if errors:
            self.reject(summary, errors)
            return None
        village_name = normalize(str(values.get("village") or sheet_village or ""))
        village_key = self.places.village_key(commune, village_name) if village_name else ""
        if village_key:
            self.villages.setdefault((commune.code, village_key), (commune, village_name))
        key = team_key(commune, village_key)
        self.teams.setdefault(key, {}).update(team_fields)
        if decision:
            self.title_decisions.setdefault(key, decision)
        return MemberChange(summary, record.row, key, clean)

    # Units: existing villages and teams matched, missing ones planned.

    def _load_units(self, rows):
        communes = {commune_code for commune_code, _key in self.teams}
        existing_villages = {}
        for village in Village.objects.filter(commune_id__in=communes):
            existing_villages[(village.commune_id, village.name_key)] = village
        for key, (commune, name) in list(self.villages.items()):
            village = existing_villages.get(key)
            if village is None:
                village = Village(commune=commune, name=name, name_key=key[1], kind=village_kind(name))
                self.plan.new_villages[key] = village
            self.villages[key] = village
        current_teams = Team.objects.filter(commune_id__in=communes).exclude(status=Team.Status.DISSOLVED)
        by_village = {team.village_id: team for team in current_teams if team.village_id}
        by_commune = {team.commune_id: team for team in current_teams if not team.village_id}
        wanted, self.teams = self.teams, {}
        for key, fields in wanted.items():
            commune_code, village_key = key
            decision = self.title_decisions.get(key)
            village = self.villages.get(key) if village_key else None
            team = by_village.get(village.pk) if village and village.pk else None
            if not village_key:
                team = by_commune.get(commune_code)
            if decision and not fields.get("decision_number") and not (team and team.decision_number):
                fields = {**fields, "decision_number": decision[0], "decision_date": decision[1]}
            if team is None:
                team = self._new_team(commune_code, village, fields)
                self.plan.new_teams[key] = team
            elif any(getattr(team, name) != value for name, value in fields.items() if name != "name"):
                for name, value in fields.items():
                    if name != "name":
                        setattr(team, name, value)
                self.plan.changed_teams[team.pk] = team
            self.teams[key] = team
        self.plan.teams = self.teams

    def _new_team(self, commune_code, village, fields):
        place = village.name if village else self.places.by_code[commune_code].name
        name = fields.get("name") or self.team_name % {"place": place}
        decision_date = fields.get("decision_date")
        team = Team(
            name=name,
            name_key=search_key(name),
            village=village,
            commune_id=commune_code,
            decision_number=fields.get("decision_number", ""),
            decision_date=decision_date,
            founded_on=decision_date or self.today,  # the default, asked once rather than per team
        )
        return team

    # Members: matched by phone, then by name within the team.

    def _match_members(self, rows, progress):
        teams = {team.pk: team for team in self.teams.values() if team.pk}
        phones = [row.values["phone"] for row in rows if row.values.get("phone")]
        by_phone, by_team_name = {}, {}
        for chunk in _chunks(teams):
            for member in Member.objects.current().filter(team_id__in=bulk.among(chunk, "bigint")):
                member.team = teams[member.team_id]  # its name is in messages: no query per row
                by_team_name.setdefault((member.team_id, member.name_key), member)
                if member.phone:
                    by_phone[member.phone] = member
        # Only numbers not found on the file's own teams can belong to someone on another team;
        # asking for all of them again would load a re-imported province's members twice.
        elsewhere = [phone for phone in phones if phone not in by_phone]
        for chunk in _chunks(elsewhere):
            found = Member.objects.current().filter(phone__in=bulk.among(chunk, "text"))
            for member in found.select_related("team__commune"):
                by_phone[member.phone] = member
        leaders = {
            member.team_id: member for member in by_phone.values() if member.role == Member.TeamRole.LEADER
        } | {m.team_id: m for m in by_team_name.values() if m.role == Member.TeamRole.LEADER}
        seen_phones, seen_names, file_leaders, matched = {}, {}, {}, {}
        for index, row in enumerate(rows):
            if progress and index % 1000 == 0:
                progress(index, len(rows))
            team = self.teams[row.team_key]
            first = seen_phones.get(row.values.get("phone"))
            if first and first.team_key == row.team_key and first.values == row.values:
                self._repeated(first, row)
                continue
            error = self._match_one(row, team, by_phone, by_team_name, seen_phones, seen_names, file_leaders)
            if error:
                self.reject(row.sheet, [RowError(row.sheet.name, row.row, error[0], error[1])])
                continue
            if row.member:
                matched[row.member.pk] = row
            self.plan.members.append(row)
        self._check_leaders(file_leaders, leaders, matched)
        self._refuse_probing()
        for row in self.plan.members:
            setattr(row.sheet, row.status, getattr(row.sheet, row.status) + 1)

    def _match_one(self, row, team, by_phone, by_team_name, seen_phones, seen_names, file_leaders):
        phone, name_key = row.values.get("phone"), search_key(row.values["full_name"])
        row.name_key = name_key
        if phone in seen_phones:
            return "", _(
                "Phone number %(phone)s is also on row %(row)s: each member has their own number."
            ) % {
                "phone": Phone(phone).national,
                "row": seen_phones[phone].row,
            }
        if (row.team_key, name_key) in seen_names and not phone:
            return "", _("%(name)s is listed twice in the same team (row %(row)s): remove one row.") % {
                "name": row.values["full_name"],
                "row": seen_names[(row.team_key, name_key)],
            }
        if phone:
            seen_phones[phone] = row
        seen_names[(row.team_key, name_key)] = row.row
        member = by_phone.get(phone) if phone else None
        if member and member.team_id != team.pk and not may_act_on(self.scope, member):
            # Who holds it, and where, is not the officer's to learn (issue 20).
            self.outside_rows.add((row.sheet.name, row.row))
            return "", _(
                "Phone number %(phone)s already belongs to a team outside your communes: ask your province."
            ) % {"phone": row.values["phone"]}
        if member and member.team_id != team.pk:
            return "", _(
                "Phone number %(phone)s belongs to %(name)s of %(team)s: a person is on one team at a time."
            ) % {
                "phone": row.values["phone"],
                "name": member.full_name,
                "team": member.team.name,
            }
        if member is None and team.pk:
            member = by_team_name.get((team.pk, name_key))
            if member and phone and member.phone and member.phone in seen_phones and member.phone != phone:
                member = None  # that person is another row of this file
        if row.values.get("role") == Member.TeamRole.LEADER:
            if row.team_key in file_leaders:
                return "", _("The team already has a leader on row %(row)s: a team has one leader.") % {
                    "row": file_leaders[row.team_key].row
                }
            file_leaders[row.team_key] = row
        row.member = member
        if member is None:
            row.status = NEW
        elif any(getattr(member, name) != value for name, value in row.values.items()):
            row.status = UPDATED
        else:
            row.status = UNCHANGED
        return None

    def _refuse_probing(self):
        """More than OUTSIDE_ROWS_LIMIT numbers held outside the officer's units: one message for
        the file, and none of those rows answered one by one (nor in the error workbook)."""
        if len(self.outside_rows) <= OUTSIDE_ROWS_LIMIT:
            return
        self.plan.errors = [e for e in self.plan.errors if (e.sheet, e.row) not in self.outside_rows]
        self.plan.file_error = _(
            "More than %(limit)s numbers in this file already belong to teams outside your communes, so "
            "the file is not read row by row. Ask your province. Nothing was imported."
        ) % {"limit": OUTSIDE_ROWS_LIMIT}

    def _repeated(self, first, row):
        """A row repeating another (same team, name, phone and details, as when two sheets were
        merged) is the same member once; the warning names both rows so the officer can tidy up."""
        row.sheet.skipped += 1
        self.plan.warnings.append(
            RowError(
                row.sheet.name,
                row.row,
                "",
                _("Same member as row %(row)s of sheet %(sheet)s (same name and phone): imported once.")
                % {"row": first.row, "sheet": first.sheet.name},
            )
        )

    def _check_leaders(self, file_leaders, leaders, matched):
        """A new leader while the current one stays leader would break the one-leader rule."""
        for key, row in file_leaders.items():
            team = self.teams[key]
            current = leaders.get(team.pk) if team.pk else None
            if current is None or current.pk == getattr(row.member, "pk", None):
                continue
            staying = matched.get(current.pk)
            if staying is None or staying.values.get("role", current.role) == Member.TeamRole.LEADER:
                self.plan.members.remove(row)
                self.reject(
                    row.sheet,
                    [
                        RowError(
                            row.sheet.name,
                            row.row,
                            "",
                            _(
                                "%(team)s is led by %(leader)s: change their role in the file (Thành viên) or "
                                "write this member as Tổ phó."
                            )
                            % {"team": team.name, "leader": current.full_name},
                        )
                    ],
                )


def _chunks(items):
    items = list(items)
    for start in range(0, len(items), _QUERY_CHUNK):
        yield items[start : start + _QUERY_CHUNK]
