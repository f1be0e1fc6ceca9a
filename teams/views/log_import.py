"""A leader imports their own team's sessions from Excel, in the team area, on a phone.

The roster importer does the work, as for officers in the admin (rosters/jobs.py): the upload is
kept privately, previewed with each cell to fix, and written all or nothing on confirm; a file
imported twice adds nothing. The kind (teams/roster_kinds/leader_logs.py) plans it inside the
teams the person leads, worked out again at each step. A job is its uploader's alone: anyone
else's id answers 404. The page reloads itself while the file is being read (no script).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from rosters import jobs
from rosters.admin_views import SHOWN_ERRORS, download
from rosters.forms import SheetForm
from rosters.models import RosterImport
from rosters.templates_file import template_workbook
from teams.membership import teams_led_by
from teams.roster_kinds import TEAM_LOGS
from teams.views.team_area import not_a_leader

RECENT = 5


@never_cache
@login_required
def log_import(request):
    teams = list(teams_led_by(request.user).select_related("village", "commune"))
    if not teams:
        return not_a_leader(request)
    form = SheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = jobs.start(TEAM_LOGS, form.cleaned_data["file"], request.user)
        return redirect("teams:log_import_job", job.pk)
    recent = RosterImport.objects.filter(created_by=request.user, kind=TEAM_LOGS).defer("summary")[:RECENT]
    return render(
        request,
        "teams/log_import.html",
        {"form": form, "teams": teams, "recent": recent},
        status=400 if form.errors else 200,
    )


def _job(request, pk):
    job = get_object_or_404(RosterImport, pk=pk, kind=TEAM_LOGS)
    if job.created_by_id != request.user.pk:
        raise Http404
    return job


@never_cache
@require_GET
@login_required
def log_import_job(request, pk):
    job = _job(request, pk)
    summary = job.summary or {}
    errors = summary.get("errors", [])
    return render(
        request,
        "teams/log_import_job.html",
        {
            "job": job,
            "summary": summary,
            "errors": errors[:SHOWN_ERRORS],
            "more_errors": max(0, len(errors) - SHOWN_ERRORS),
        },
    )


@require_POST
@login_required
def log_import_confirm(request, pk):
    job = _job(request, pk)
    if not teams_led_by(request.user).exists():
        return not_a_leader(request)
    jobs.confirm(job)
    return redirect("teams:log_import_job", job.pk)


@require_GET
@login_required
def log_import_template(request):
    if not teams_led_by(request.user).exists():
        return not_a_leader(request)
    return download(template_workbook(TEAM_LOGS), "mau-so-theo-doi.xlsx")
