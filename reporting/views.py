"""Officers' dashboards: nation, province, commune, team, each linking down to the level below."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.scopes import get_visible_or_404, may_open_province, scope_for, visible
from households import figures as household_figures
from households.models import Household
from places.models import Commune, Province
from reporting import dashboards, reports
from reporting.charts import monthly_columns, ranked_bars
from reporting.dashboard_periods import change, parse_period, periods_offered
from teams.activity import last_months, team_activity
from teams.models import Member, Team

SORTS = {
    "coverage": lambda row: (row.coverage or 0, row.citizens),
    "per_1000": lambda row: (row.per_1000 or 0, row.citizens),
    "citizens": lambda row: (row.citizens, row.sessions),
    "name": None,
}


@login_required
def dashboard_start(request):
    """The highest level the officer may see: the country, their province or their commune."""
    scope = scope_for(request.user)
    if scope.national:
        return redirect("reporting:dashboard_national")
    if len(scope.provinces) == 1 and not scope.communes:
        return redirect("reporting:dashboard_province", next(iter(scope.provinces)))
    if len(scope.communes) == 1 and not scope.provinces:
        return redirect("reporting:dashboard_commune", next(iter(scope.communes)))
    if scope.is_empty:
        raise PermissionDenied
    return render(
        request,
        "reporting/dashboard_units.html",
        {
            "provinces": Province.objects.filter(pk__in=scope.provinces),
            "communes": Commune.objects.filter(pk__in=scope.communes),
        },
    )


def _period(request):
    """The period asked for (`?period=`); the last 12 months, with the reason shown, when it names none."""
    try:
        return parse_period(request.GET.get("period"))
    except ValueError as error:
        messages.error(request, str(error))
        return parse_period(None)


def _render(request, board, parents, period):
    sort = request.GET.get("sort", "citizens")
    if SORTS.get(sort):
        board.rows.sort(key=SORTS[sort], reverse=True)
    board.parents = parents
    months = board.months
    coverage_bars = [(row.label, row.coverage, row.href) for row in board.rows if row.villages][:40]
    coverage_bars.sort(key=lambda bar: bar[1] or 0, reverse=True)
    ranked = [(row.label, row.per_1000 if row.population else row.citizens, row.href) for row in board.rows][
        :40
    ]
    ranked.sort(key=lambda bar: bar[1] or 0, reverse=True)
    any_population = any(row.population for row in board.rows)
    return render(
        request,
        "reporting/dashboard.html",
        {
            "board": board,
            "sort": sort,
            "trend_chart": monthly_columns(
                months,
                board.sessions_by_month,
                board.citizens_by_month,
                title=_("Sessions and citizens helped per month"),
            ),
            "trend_rows": list(zip(months, board.sessions_by_month, board.citizens_by_month, strict=True)),
            "outcome_chart": ranked_bars(
                [(outcome, total, "") for _service, outcome, total in board.outcomes],
                _("Outcomes by service"),
            ),
            "coverage_chart": ranked_bars(coverage_bars, _("Villages with an active team"), unit=" %"),
            "ranking_chart": ranked_bars(
                ranked, _("Citizens helped per 1,000 inhabitants") if any_population else _("Citizens helped")
            ),
            "any_population": any_population,
            "report_month": reports.report_month(None),
            "report_months": reports.months_offered(),
            **_comparison(request, board, period),
            "households": _households(request.user, board),
        },
    )


def _households(user, board):
    """(covered, households, [(label, people confirmed)]) of the board's unit, as the user sees it."""
    households = visible(user, Household.objects.all())
    if board.level == "commune":
        households = households.filter(village__commune=board.unit)
    elif board.level == "province":
        households = households.filter(village__commune__province=board.unit)
    covered, total = household_figures.coverage(households)
    people = household_figures.people_per_group(households)
    return covered, total, [(label, people.get(code, 0)) for code, label in household_figures.group_labels()]


def _comparison(request, board, period):
    """The period shown, the picker's choices, and the previous period's figures beside this one's."""
    previous = period.previous()
    sessions, citizens = dashboards.activity_total(request.user, board, previous.months)
    return {
        "period": period,
        "periods": periods_offered(),
        "previous": {
            "label": previous.label,
            "sessions": sessions,
            "citizens": citizens,
            "sessions_change": change(board.total.sessions, sessions),
            "citizens_change": change(board.total.citizens, citizens),
        },
    }


@login_required
def national(request):
    if not scope_for(request.user).national:
        raise PermissionDenied
    period = _period(request)
    board = dashboards.national(request.user, period.months)
    board.title = _("Whole country")
    return _render(request, board, [], period)


@login_required
def province(request, code):
    unit = get_visible_or_404(request.user, Province.objects.all(), pk=code)
    if not may_open_province(request.user, unit):
        raise PermissionDenied
    period = _period(request)
    board = dashboards.province(request.user, unit, period.months)
    return _render(request, board, _parents(request.user, province=None), period)


@login_required
def commune(request, code):
    unit = get_visible_or_404(request.user, Commune.objects.select_related("province"), pk=code)
    period = _period(request)
    board = dashboards.commune(request.user, unit, period.months)
    return _render(request, board, _parents(request.user, province=unit.province), period)


def _parents(user, province):
    """Breadcrumbs up to the highest level `user` may open."""
    crumbs = []
    if scope_for(user).national:
        crumbs.append((_("Whole country"), reverse("reporting:dashboard_national")))
    if province and may_open_province(user, province):
        crumbs.append((province.name, reverse("reporting:dashboard_province", args=[province.pk])))
    return crumbs


@login_required
def team(request, pk):
    unit = get_visible_or_404(
        request.user, Team.objects.select_related("village", "commune__province"), pk=pk
    )
    months = last_months()
    sessions, citizens, outcomes = team_activity(unit, months)
    members = list(unit.members.current().order_by("role", "name_key"))
    parents = _parents(request.user, unit.commune.province)
    parents.append((unit.commune.name, reverse("reporting:dashboard_commune", args=[unit.commune_id])))
    return render(
        request,
        "reporting/dashboard_team.html",
        {
            "team": unit,
            "parents": parents,
            "members": members,
            "trained": sum(member.training_status == Member.TrainingStatus.TRAINED for member in members),
            "trend_chart": monthly_columns(
                months, sessions, citizens, title=_("Sessions and citizens helped per month")
            ),
            "trend_rows": list(zip(months, sessions, citizens, strict=True)),
            "outcomes": outcomes,
            "logs": unit.logs.select_related("village")[:20],
            "history": unit.events.select_related("member")[:20],
        },
    )


@login_required
def monthly_report(request, level, code):
    """The monthly XLSX of a commune or province (`?month=YYYY-MM`, the last complete month by default)."""
    if level == "commune":
        unit = get_visible_or_404(request.user, Commune.objects.select_related("province"), pk=code)
    else:
        unit = get_visible_or_404(request.user, Province.objects.all(), pk=code)
        if not may_open_province(request.user, unit):
            raise PermissionDenied
    try:
        month = reports.report_month(request.GET.get("month"))
    except ValueError as error:
        return render(
            request,
            "reporting/report_month_error.html",
            {
                "message": str(error),
                "level": level,
                "unit": unit,
                "months": reports.months_offered(),
                "report_month": reports.report_month(None),
            },
            status=400,
        )
    if level == "commune":
        workbook, filename = reports.commune_report(request.user, unit, month)
    else:
        workbook, filename = reports.province_report(request.user, unit, month)
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response
