"""A month at once: a leader who kept tallies on paper types several sessions, one row per date.

Each row is the single session form (teams.forms.MonthRowForm), checked the same way; the page
saves all its rows in one transaction or none, and on an error shows every row as typed with the
error beside its cell. It is a plain form: it works without JavaScript, and a second post of the
same page (its rows keep their one-time keys) adds nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from teams.forms import MONTH_MAX_ROWS, MONTH_ROWS, month_formset
from teams.logbook import probable_duplicate, save_logs
from teams.views.team_area import led_team, not_a_leader

MORE_ROWS = 8


def _rows_wanted(request):
    wanted = request.GET.get("rows", "")
    return min(int(wanted), MONTH_MAX_ROWS) if wanted.isdecimal() and int(wanted) else MONTH_ROWS


@never_cache
@login_required
def log_month(request):
    team = led_team(request)
    if team is None:
        return not_a_leader(request)
    rows = _rows_wanted(request)
    formset_class = month_formset(rows)
    if request.method != "POST":
        formset = formset_class(form_kwargs={"team": team})
        return _page(request, team, formset, rows)
    formset = formset_class(request.POST, form_kwargs={"team": team})
    if not formset.is_valid():
        wrong = [str(number) for number, form in enumerate(formset.forms, 1) if form.errors]
        if wrong:
            messages.error(
                request,
                _("Nothing was saved: check rows %(rows)s, the fields marked below.")
                % {"rows": ", ".join(wrong)},
            )
        return _page(request, team, formset, rows, status=400)
    typed = [form for form in formset.forms if form.has_changed()]
    saved = save_logs(typed, request.user)
    created = [log for log, is_new in saved if is_new]
    if not created:
        messages.info(request, _("These sessions were already saved: nothing new was stored."))
        return redirect("teams:home")
    messages.success(
        request,
        ngettext("%(count)s session saved.", "%(count)s sessions saved.", len(created))
        % {"count": len(created)},
    )
    twice = sorted({log.held_on for log in created if probable_duplicate(log)})
    if twice:
        messages.warning(
            request,
            _(
                "Another session of this team is logged for the same day and village on %(dates)s: check it is not the same one."
            )
            % {"dates": ", ".join(day.strftime("%d/%m/%Y") for day in twice)},
        )
    return redirect("teams:home")


def _page(request, team, formset, rows, status=200):
    more = min(rows + MORE_ROWS, MONTH_MAX_ROWS)
    return render(
        request,
        "teams/log_month.html",
        {"team": team, "formset": formset, "more_rows": more if more > rows else None},
        status=status,
    )
