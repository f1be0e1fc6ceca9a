"""Completeness and timeliness of the monthly reports, as DHIS2 shows them, per province and commune.

`completeness(month, provinces=None, now=None)` is the one plain function every reader uses: the
officers' pages, the workbooks, and the open data (it holds no personal data: units, states and
times only). Its figures, per province:

- expected: communes on the map on the month's last day (periods.expected_communes);
- submitted: those whose report is with the province now (submitted or approved; a returned one
  is back with its commune until it comes up again);
- approved; no report (marked by the province, with a reason);
- on time: submitted, and first submitted by the deadline; lateness never moves with a return;
- late: first submitted after the deadline, or nothing submitted yet once it has passed.

Scope is the caller's business: pass only the provinces the reader may see.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from places.models import Province
from reporting.models import MonthlyReport, ReportState
from reporting.monthly.periods import deadline, expected_communes

IN_PROVINCE = (ReportState.SUBMITTED, ReportState.APPROVED)
# The order a province works through its communes in: who to chase, then what waits for it.
GROUP_ORDER = (
    ReportState.SUBMITTED,
    ReportState.RETURNED,
    ReportState.DRAFT,
    ReportState.APPROVED,
    ReportState.NO_REPORT,
)
# A group this short is shown open; a longer one (a province has up to a few hundred communes)
# is a line with its count until the reader opens it.
OPEN_UP_TO = 10


@dataclass
class CommuneStatus:
    code: str
    name: str
    province_code: str
    state: str
    first_submitted_at: object  # datetime or None
    on_time: bool
    late: bool

    @property
    def state_label(self):
        return str(ReportState(self.state).label)


@dataclass
class CommuneGroup:
    key: str  # "late" or a state
    label: str
    communes: list

    @property
    def open(self):
        return len(self.communes) <= OPEN_UP_TO


@dataclass
class UnitCompleteness:
    code: str
    name: str
    deadline: object
    communes: list = field(default_factory=list)

    def _count(self, test):
        return sum(1 for commune in self.communes if test(commune))

    @property
    def expected(self):
        return len(self.communes)

    @property
    def submitted(self):
        return self._count(lambda c: c.state in IN_PROVINCE)

    @property
    def approved(self):
        return self._count(lambda c: c.state == ReportState.APPROVED)

    @property
    def no_report(self):
        return self._count(lambda c: c.state == ReportState.NO_REPORT)

    @property
    def on_time(self):
        return self._count(lambda c: c.on_time)

    @property
    def late(self):
        return [commune for commune in self.communes if commune.late]

    @property
    def groups(self):
        """[CommuneGroup]: the late with nothing at the province first, then the others by state
        (GROUP_ORDER; a report submitted late waits with the submitted, marked late); none empty."""
        chase = [c for c in self.late if c.state not in IN_PROVINCE]
        groups = [CommuneGroup("late", _("Late"), chase)]
        for state in GROUP_ORDER:
            communes = [c for c in self.communes if c.state == state and c not in chase]
            groups.append(CommuneGroup(state, capfirst(state.label), communes))
        return [group for group in groups if group.communes]

    def rate(self, count):
        return round(100 * count / self.expected, 1) if self.expected else None

    @property
    def completeness_rate(self):
        return self.rate(self.submitted)

    @property
    def timeliness_rate(self):
        return self.rate(self.on_time)


def completeness(month, provinces=None, now=None):
    """[UnitCompleteness] per province (codes in `provinces`, None for all), by name."""
    now = now or timezone.now()
    due = deadline(month)
    units = Province.objects.order_by("name_key")
    if provinces is not None:
        units = units.filter(pk__in=provinces)
    result = {p.pk: UnitCompleteness(p.pk, p.name, due) for p in units}
    reports = {
        row["commune_id"]: row
        for row in MonthlyReport.objects.filter(
            month=month, commune__isnull=False, province_id__in=result
        ).values("commune_id", "state", "first_submitted_at")
    }
    communes = (
        expected_communes(month, list(result)).order_by("name_key").values_list("pk", "name", "province_id")
    )
    for code, name, province_code in communes:
        report = reports.get(code, {})
        state = report.get("state", ReportState.DRAFT)
        first = report.get("first_submitted_at")
        on_time = state in IN_PROVINCE and first is not None and first <= due
        late = state != ReportState.NO_REPORT and (first > due if first else now > due)
        result[province_code].communes.append(
            CommuneStatus(code, name, province_code, state, first, on_time, late)
        )
    return list(result.values())
