"""The monthly report officers send upward, as XLSX, always in Vietnamese.

A commune's report: one sheet of totals (a row per team) and one sheet per team with its
sessions. A province's report: totals per commune, then one sheet per commune with its teams'
totals (a sheet per team would mean thousands of sheets for a province); communes without a team
are counted on the first sheet and get no sheet of their own.
Text typed by people is written so a spreadsheet never runs it as a formula.
"""

import io
import re
from datetime import date, timedelta

import xlsxwriter
from django.db.models import Count, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.access_log import record_access
from accounts.scopes import visible
from places.models import Commune
from rosters.cells import safe_cell
from teams.activity import last_months, month_start, next_month
from teams.models import AssistanceLog, LogOutcome, Member, OutcomeType, Team

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LIMIT = 31  # Excel refuses longer sheet names
_TEAM_PREFIX = re.compile(r"^tổ công nghệ số cộng đồng\s+", re.IGNORECASE)
MONTHS_OFFERED = 25  # this month so far and the two years before it


def parse_month(text):
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1)
    except (ValueError, OverflowError):  # OverflowError: a year of twenty digits
        return None


def report_month(text, today=None):
    """The month `?month=YYYY-MM` asks for; the last complete month when none is given.

    Officers send the report upward once a month is over, so on 1 December the report
    they want is November's. A month that cannot be read or has not begun is refused
    (ValueError with the message to show), never silently replaced by another month.
    """
    this_month = month_start(today or timezone.localdate())
    if not text:
        return month_start(this_month - timedelta(days=1))
    month = parse_month(text)
    if month is None or month.year < 2000:
        raise ValueError(_("“%(value)s” is not a month: choose one from the list.") % {"value": text[:20]})
    if month > this_month:
        raise ValueError(
            _("The report for %(month)s cannot be made before that month begins.")
            % {"month": f"{month:%m/%Y}"}
        )
    return month


def months_offered(today=None):
    """The months the report form lists, newest first."""
    return last_months(MONTHS_OFFERED, today)[::-1]


def _shorten(text, limit):
    """`text` in at most `limit` characters, cut between words when a word boundary is near."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    words = cut.rsplit(" ", 1)[0]
    return (words if len(words) >= limit // 2 else cut).strip()


def team_sheet_title(team):
    """A team's sheet: its village (teams are named "Tổ công nghệ số cộng đồng <village>",
    which Excel's 31 characters would cut down to the shared prefix)."""
    if team.village_id:
        return team.village.name
    return _TEAM_PREFIX.sub("", team.name) or team.name


class _Sheets:
    """The workbook, written in memory with xlsxwriter: a province's report has a sheet per
    commune, and openpyxl makes and deletes a temporary file for each (most of the report's time).
    Text is never read as a formula or a link, whatever it starts with."""

    def __init__(self):
        self.output = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self.output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self.bold = self.workbook.add_format({"bold": True})
        self.used = set()
        # Data rows written (not titles or totals): what the access log counts.
        self.rows = 0

    def add(self, title, rows_before_header, header, rows, total_label=None, sum_from=None, sum_to=None):
        """A sheet; with `total_label`, a totals row summing columns `sum_from` to `sum_to` (excluded)
        and leaving the other columns empty."""
        name = _SHEET_FORBIDDEN.sub(" ", title).strip(" '") or "-"
        candidate, n = _shorten(name, SHEET_NAME_LIMIT), 2
        while candidate.casefold() in self.used:
            suffix = f" ({n})"
            candidate, n = _shorten(name, SHEET_NAME_LIMIT - len(suffix)) + suffix, n + 1
        self.used.add(candidate.casefold())
        sheet = self.workbook.add_worksheet(candidate)
        lines = [*rows_before_header, header]
        rows = list(rows)
        self.rows += len(rows)
        lines.extend(rows)
        if total_label is not None:
            totals = [total_label] + [None] * (len(header) - 1)
            for column in range(sum_from, sum_to or len(header)):
                totals[column] = sum(row[column] or 0 for row in rows)
            lines.append(totals)
        bold = {len(rows_before_header), len(lines) - 1 if total_label is not None else -1}
        for number, line in enumerate(lines):
            sheet.write_row(
                number, 0, [safe_cell(cell) for cell in line], self.bold if number in bold else None
            )
        return sheet

    def save(self, out):
        """Write the finished workbook to `out` (a response or a file)."""
        self.workbook.close()
        out.write(self.output.getvalue())


def _outcome_types(province_id):
    return list(OutcomeType.objects.for_province(province_id).select_related("service"))


def _team_rows(user, teams, month, outcome_types):
    """Per team: members, trained, sessions, citizens, women, over 60 and each outcome, for `month`."""
    team_ids = [team.pk for team in teams]
    logs = visible(
        user,
        AssistanceLog.objects.filter(team_id__in=team_ids, held_on__gte=month, held_on__lt=next_month(month)),
    )
    activity = {
        row["team_id"]: row
        for row in logs.values("team_id")
        .annotate(
            sessions=Count("pk"),
            citizens=Sum("citizens_helped"),
            women=Sum("women_helped"),
            over_60=Sum("over_60_helped"),
        )
        .order_by()
    }
    outcomes = {
        (row["log__team_id"], row["outcome_type_id"]): row["total"]
        for row in LogOutcome.objects.filter(log__in=logs)
        .values("log__team_id", "outcome_type_id")
        .annotate(total=Sum("count"))
        .order_by()
    }
    members = {
        row["team_id"]: row
        for row in Member.objects.filter(team_id__in=team_ids, joined_on__lt=next_month(month))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=next_month(month)))
        .values("team_id")
        .annotate(n=Count("pk"), trained=Count("pk", filter=Q(training_status=Member.TrainingStatus.TRAINED)))
        .order_by()
    }
    leaders = dict(
        Member.objects.current()
        .filter(team_id__in=team_ids, role=Member.TeamRole.LEADER)
        .values_list("team_id", "full_name")
    )
    for team in teams:
        done = activity.get(team.pk, {})
        yield (
            team,
            [
                team.name,
                team.village.name if team.village_id else "",
                leaders.get(team.pk, ""),
                members.get(team.pk, {}).get("n", 0),
                members.get(team.pk, {}).get("trained", 0),
                done.get("sessions", 0),
                done.get("citizens") or 0,
                done.get("women") or 0,
                done.get("over_60") or 0,
                *[outcomes.get((team.pk, outcome.pk), 0) for outcome in outcome_types],
            ],
        )


def _team_header(outcome_types):
    return [
        _("Team"),
        _("Village"),
        _("Leader"),
        _("Members"),
        _("Trained"),
        _("Sessions"),
        _("Citizens helped"),
        _("Women"),
        _("Over 60"),
        *[outcome.name_vi for outcome in outcome_types],
    ]


def _title_lines(unit_label, month):
    return [
        [_("Monthly report of the community digital technology teams")],
        [unit_label],
        [_("Month"), month.strftime("%m/%Y")],
        [_("Made on"), timezone.localtime().strftime("%d/%m/%Y %H:%M")],
        [],
    ]


def _teams_of_month(user, month, **where):
    """The teams `user` sees that a report of `month` lists: all but those dissolved before it."""
    teams = Team.objects.filter(**where).exclude(status=Team.Status.DISSOLVED, dissolved_on__lt=month)
    return list(visible(user, teams).select_related("village").order_by("name_key"))


def commune_report(user, commune, month):
    with translation.override("vi"):
        outcome_types = _outcome_types(commune.province_id)
        teams = _teams_of_month(user, month, commune=commune)
        sheets = _Sheets()
        team_rows = list(_team_rows(user, teams, month, outcome_types))
        label = f"{commune.name}, {commune.province.name}"
        sheets.add(
            _("Totals"),
            _title_lines(label, month),
            _team_header(outcome_types),
            [row for _t, row in team_rows],
            _("Total"),
            3,
        )
        logs_by_team = {}
        logs = (
            visible(
                user,
                AssistanceLog.objects.filter(
                    team__in=teams, held_on__gte=month, held_on__lt=next_month(month)
                ),
            )
            .select_related("village")
            .prefetch_related("services", "outcomes")
            .annotate(present=Count("attendees"))
        )
        for log in logs.order_by("held_on", "pk"):
            logs_by_team.setdefault(log.team_id, []).append(log)
        header = [
            _("Date"),
            _("Village"),
            _("Citizens helped"),
            _("Women"),
            _("Over 60"),
            _("Members present"),
            *[outcome.name_vi for outcome in outcome_types],
            _("Services"),
            _("Note"),
        ]
        for team, _row in team_rows:
            rows = []
            for log in logs_by_team.get(team.pk, []):
                counts = {outcome.outcome_type_id: outcome.count for outcome in log.outcomes.all()}
                rows.append(
                    [
                        log.held_on.strftime("%d/%m/%Y"),
                        log.village.name if log.village_id else "",
                        log.citizens_helped,
                        log.women_helped or 0,
                        log.over_60_helped or 0,
                        log.present,
                        *[counts.get(outcome.pk, 0) for outcome in outcome_types],
                        ", ".join(service.name_vi for service in log.services.all()),
                        log.note,
                    ]
                )
            sheets.add(
                team_sheet_title(team),
                [[team.name], [label], []],
                header,
                rows,
                _("Total"),
                2,
                len(header) - 2,
            )
        # It names each team's leader: personal data.
        record_access(user, "monthly_report", rows=sheets.rows, detail=f"commune {commune.pk} {month:%m/%Y}")
        return sheets, f"bao-cao-{commune.pk}-{month:%Y-%m}.xlsx"


def province_report(user, province, month):
    with translation.override("vi"):
        outcome_types = _outcome_types(province.pk)
        communes = list(visible(user, Commune.objects.filter(province=province)).order_by("name_key"))
        teams = _teams_of_month(user, month, commune__province=province)
        rows_by_commune = {}
        for team, row in _team_rows(user, teams, month, outcome_types):
            rows_by_commune.setdefault(team.commune_id, []).append(row)
        # Most communes of a province have no team yet: they get neither a sheet nor a row of
        # zeros, only their number under the title, so the workbook opens on the communes at work.
        with_teams = [commune for commune in communes if commune.pk in rows_by_commune]
        totals = []
        for commune in with_teams:
            rows = rows_by_commune[commune.pk]
            sums = [sum(row[column] for row in rows) for column in range(3, 9 + len(outcome_types))]
            totals.append([commune.name, len(rows), *sums])
        sheets = _Sheets()
        header = [_("Commune"), _("Teams"), *_team_header(outcome_types)[3:]]
        title = _title_lines(province.name, month)
        title.insert(-1, [_("Communes without a team"), len(communes) - len(with_teams)])
        sheets.add(_("Totals"), title, header, totals, _("Total"), 1)
        for commune in with_teams:
            sheets.add(
                commune.name,
                [[commune.name], [province.name], []],
                _team_header(outcome_types),
                rows_by_commune.get(commune.pk, []),
                _("Total"),
                3,
            )
        record_access(
            user, "monthly_report", rows=sheets.rows, detail=f"province {province.pk} {month:%m/%Y}"
        )
        return sheets, f"bao-cao-{province.pk}-{month:%Y-%m}.xlsx"
