"""The strategy's progress in public: the country by province, a province by commune.

Light like the guides: server-drawn SVG charts (reporting/charts.py) with their table under them,
no script. Anyone may read these pages; they show only the protected aggregates of
progress/figures.py.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from places.models import Province
from progress.figures import public_table
from progress.households import public_households
from reporting.charts import monthly_columns, ranked_bars
from runtime.edge import edge_cached
from teams.activity import last_months


def _trend_chart(trend):
    """The monthly chart, or None when the series is hidden (its table says "x")."""
    if any(sessions is None or citizens is None for _month, sessions, citizens in trend):
        return None
    months = [month for month, _sessions, _citizens in trend]
    return monthly_columns(
        months,
        [sessions for _month, sessions, _citizens in trend],
        [citizens for _month, _sessions, citizens in trend],
        title=_("Sessions and citizens helped per month"),
    )


@edge_cached
def national(request):
    table = public_table(last_months())
    coverage = sorted(
        # No links inside the chart (an image to screen readers): the table under it has them.
        ((unit.name, unit.coverage, "") for unit in table.provinces if unit.values["villages"]),
        key=lambda bar: bar[1] or 0,
        reverse=True,
    )
    return render(
        request,
        "progress/national.html",
        {
            "table": table,
            "total": table.nation,
            "rows": table.provinces,
            "quiet": [row for row in table.provinces if row.empty],
            "trend": table.trend[""],
            "trend_chart": _trend_chart(table.trend[""]),
            "coverage_chart": ranked_bars(coverage, _("Villages with an active team"), unit=" %"),
            "households": public_households(),
        },
    )


@edge_cached
def province(request, code):
    try:
        unit = Province.objects.get(pk=code)
    except Province.DoesNotExist:
        raise Http404(_("No province has this code.")) from None
    table = public_table(last_months(), [unit.pk])
    [total] = [row for row in table.provinces if row.code == unit.pk]
    return render(
        request,
        "progress/province.html",
        {
            "table": table,
            "province": unit,
            "total": total,
            "rows": table.communes[unit.pk],
            "quiet": [row for row in table.communes[unit.pk] if row.empty],
            "trend": table.trend[unit.pk],
            "trend_chart": _trend_chart(table.trend[unit.pk]),
            "households": public_households(unit.pk),
        },
    )
