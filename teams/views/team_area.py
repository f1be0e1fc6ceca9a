"""The team members' area on a phone: the team, a big "log a session" button, recent logs, totals."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.authority import may_act_on
from accounts.scopes import visible
from teams import targets
from teams.activity import last_months, team_activity
from teams.forms import AssistanceLogForm
from teams.logbook import probable_duplicate, save_log
from teams.membership import LEADER_CORRECTION_DAYS, known_to_lead, may_correct_log, team_of, teams_led_by
from teams.models import AssistanceLog
from teams.sharing import zalo_share
from teams.views.log_queue import refused_answer, saved_answer, wants_json
from teams.week import this_week

RECENT_LOGS = 10


@login_required
def team_home(request):
    team = team_of(request.user)
    if team is None:
        return render(request, "teams/no_team.html", status=403)
    today = timezone.localdate()
    months = last_months(6, today)
    sessions, citizens, outcomes = team_activity(team, months)
    logs = list(team.logs.select_related("village").prefetch_related("outcomes__outcome_type")[:RECENT_LOGS])
    for log in logs:
        log.correctable = may_correct_log(request.user, log)
    # The week is the leader's: its items (run a session, take attendance) open only for them.
    is_leader = teams_led_by(request.user).filter(pk=team.pk).exists()
    return render(
        request,
        "teams/team_home.html",
        {
            "team": team,
            "is_leader": is_leader,
            "members": team.members.current().order_by("role", "name_key"),
            "logs": logs,
            "monthly": list(zip(months, sessions, citizens, strict=True))[::-1],
            "outcomes": outcomes,
            "share": zalo_share(team),
            "log_address": log_form_address(team) if is_leader else None,
            "targets": targets.progress([team], today)[team.pk],
            "week": this_week(team, today) if is_leader else [],
            "may_set_targets": may_act_on(request.user, team),
        },
    )


def log_form_address(team):
    """The log form's address for `team` with a one-time key of its own (see `log_session`).
    Links to the form carry it, so the form opens at once instead of after a redirect that mints
    the key (a fifth of opening it, issue 26); a link whose key was used since says "already
    saved", and a bare address (the header's link, a bookmark) is still redirected."""
    return f"{reverse('teams:log_session')}?{urlencode({'team': team.pk, 'key': uuid.uuid4()})}"


def _key_in(value):
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError):
        return None


def _already_saved(request, team, log):
    """The page a second Save (double tap, Back then Save, a reload) lands on: nothing new stored."""
    return render(
        request,
        "teams/log_already_saved.html",
        {
            "team": team,
            "log": log if log.team_id == team.pk else None,
            "correctable": log.team_id == team.pk and may_correct_log(request.user, log),
            "log_address": log_form_address(team),
        },
    )


def led_team(request):
    """The team the signed-in person leads that `?team=` names, else the first they lead; None if
    they lead none (or not that one)."""
    led = teams_led_by(request.user).select_related("commune", "village")
    wanted = request.GET.get("team", "")
    team = led.filter(pk=int(wanted)).first() if wanted.isdecimal() else led.first()
    if team is not None:
        known_to_lead(request.user)
    return team


def not_a_leader(request):
    return render(
        request,
        "teams/forbidden.html",
        {"message": _("Only a team's leader can log its sessions, and only for their own team.")},
        status=403,
    )


@never_cache
@login_required
def log_session(request):
    """New log for the team the signed-in leader leads (`?team=` picks one if they lead several).

    The form's one-time key lives in the page's address (`?key=`), not only in the form: after
    a save, Back re-opens that same address, which then says "already saved" instead of
    offering a fresh form whose Save would store the session a second time. `never_cache`
    keeps browsers from restoring the old form from their cache without asking.
    """
    team = led_team(request)
    if team is None:
        return not_a_leader(request)
    if request.method != "POST":
        key = _key_in(request.GET.get("key"))
        if key is None:
            return redirect(log_form_address(team))
        saved = AssistanceLog.objects.filter(submission_key=key).first()
        if saved:
            return _already_saved(request, team, saved)
        form = AssistanceLogForm(team=team, submission_key=key)
        response = render(request, "teams/log_form.html", {"form": form, "team": team, "queue": True})
        response["X-Offline-Copy"] = "1"  # the service worker keeps it for logging without signal
        return response
    form = AssistanceLogForm(request.POST, team=team)
    if form.is_valid():
        log, created = save_log(form, request.user)
        if wants_json(request):
            return saved_answer(log, created)
        if not created:
            return _already_saved(request, team, log)
        messages.success(
            request, _("Session of %(date)s saved.") % {"date": log.held_on.strftime("%d/%m/%Y")}
        )
        if probable_duplicate(log):
            messages.warning(
                request,
                _(
                    "Another session of this team is logged for the same day and village: check it is not the same one."
                ),
            )
        return redirect("teams:home")
    if wants_json(request):
        return refused_answer(form)
    messages.error(request, _("Nothing was saved: please check the fields marked below."))
    return render(request, "teams/log_form.html", {"form": form, "team": team}, status=400)


@login_required
def correct_log(request, pk):
    reachable = AssistanceLog.objects.filter(
        Q(pk__in=visible(request.user, AssistanceLog.objects.all()).values("pk"))
        | Q(team__in=teams_led_by(request.user))
    )
    log = get_object_or_404(reachable.select_related("team__commune", "team__village", "commune"), pk=pk)
    if not may_act_on(request.user, log):  # its officers, or its leader for a week (teams.membership)
        return render(
            request,
            "teams/forbidden.html",
            {
                "message": _(
                    "A leader can correct a log for %(days)s days after writing it; ask your commune officer now."
                )
                % {"days": LEADER_CORRECTION_DAYS}
            },
            status=403,
        )
    form = AssistanceLogForm(request.POST or None, team=log.team, log=log)
    if request.method == "POST" and form.is_valid():
        save_log(form, request.user, log=log)
        messages.success(request, _("Correction saved."))
        if may_correct_log(request.user, log) and teams_led_by(request.user).filter(pk=log.team_id).exists():
            return redirect("teams:home")
        return redirect("reporting:dashboard_team", log.team_id)
    if request.method == "POST":
        messages.error(request, _("Nothing was saved: please check the fields marked below."))
    return render(
        request,
        "teams/log_form.html",
        {"form": form, "team": log.team, "log": log},
        status=400 if form.errors else 200,
    )
