"""Roster import and export in the Wagtail admin: upload, preview, confirm, errors, templates.

Upload saves the file to the private storage (random name, no URL) and queues the preview task;
the job page shows a progress bar fed by `progress` while a task runs (reloading the page resumes
it), then the per-sheet preview. Confirm queues the writing task; cancel deletes the file. Only
officers with a geographic scope get here, and every file and export is limited to that scope
(accounts/scopes.py): an import and its files are seen by the officer who uploaded it and by
national administrators, 404 for anyone else.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import IntegerField
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access_log import record_access
from accounts.scopes import scope_for
from rosters import choices, jobs, kinds, upkeep
from rosters.exports import EXPORTS, export_file
from rosters.forms import UploadForm
from rosters.models import RosterImport
from rosters.templates_file import template_workbook
from vietnamese.formats import number

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_ERRORS = 200
NOT_IMPORTED_CHOICE = "-"  # the select's value for "not imported" ("" is "not chosen yet")


def _officer(request):
    if scope_for(request.user).is_empty:
        raise PermissionDenied
    return request.user


def _job(request, pk, with_summary=True):
    """The import, for its officer or a national administrator; its summary (up to a few hundred
    KB) only when the page shows it, not for the progress polled every second or a download."""
    scope = scope_for(_officer(request))
    imports = RosterImport.objects.select_related("created_by")
    job = get_object_or_404(imports if with_summary else imports.defer("summary"), pk=pk)
    if job.created_by_id != request.user.pk and not scope.national:
        raise Http404
    return job


def _private_file(field, filename, content_type=None):
    """A file of the private storage as an attachment (the only way such a file leaves)."""
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=filename, content_type=content_type)


def download(content, filename, content_type=XLSX):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def index(request):
    user = _officer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = jobs.start(form.cleaned_data["kind"], form.cleaned_data["file"], user)
        return redirect("rosters:detail", pk=job.pk)
    return render(
        request,
        "rosters/index.html",
        {
            "form": form,
            "imports": RosterImport.objects.filter(created_by=user)
            .defer("summary")
            .annotate(rows_in_error=Cast(KT("summary__totals__errors"), IntegerField()))[:20],
            "templates": [(kind.name, kind.label) for kind in kinds.officer_kinds() if kind.template],
            "exports": [(what, export.label) for what, export in EXPORTS.items()],
        },
    )


def detail(request, pk):
    job = _job(request, pk)
    kind = kinds.find(job.kind)
    summary = job.summary or {}
    errors = summary.get("errors", [])
    left_off = summary.get("errors_left_off", {})
    return render(
        request,
        "rosters/detail.html",
        {
            "job": job,
            "summary": summary,
            "errors": errors[:SHOWN_ERRORS],
            "more_errors": max(0, len(errors) - SHOWN_ERRORS),
            "left_off": [(column, number(count)) for column, count in left_off.items()],
            "warnings": summary.get("warnings", [])[:SHOWN_ERRORS],
            "skipped_rows": summary.get("skipped_rows", [])[:SHOWN_ERRORS],
            "progress": jobs.progress_of(job),
            "kind": kind,
            "done": _done(request.user, job, kind, summary),
            "fields": choices.fields_of(kind) if kind else [],
            "can_map": _can_map(job, kind),
            "mappable": any(
                column["state"] != "read"
                for sheet in summary.get("sheets", [])
                for column in sheet.get("columns", [])
            ),
        },
    )


def _can_map(job, kind):
    return job.status == RosterImport.Status.PREVIEWED and bool(job.file) and kind is not None


@require_POST
def map_columns(request, pk):
    """The officer says what columns hold ("column:<header key>" = a field, or NOT_IMPORTED_CHOICE);
    the preview runs again with it, and the unit's next file with the same header is read alike."""
    job = _job(request, pk)
    kind = kinds.find(job.kind)
    if not _can_map(job, kind):
        return redirect("rosters:detail", pk=job.pk)
    fields = dict(choices.fields_of(kind))
    keys = {column["key"] for sheet in job.summary.get("sheets", []) for column in sheet.get("columns", [])}
    chosen = {}
    for name, value in request.POST.items():
        key = name.removeprefix("column:")
        if name.startswith("column:") and key in keys and (value in fields or value == NOT_IMPORTED_CHOICE):
            chosen[key] = choices.NOT_IMPORTED if value == NOT_IMPORTED_CHOICE else value
    if not chosen:
        messages.error(request, _("Choose what at least one column holds, or mark it “not imported”."))
        return redirect("rosters:detail", pk=job.pk)
    if RosterImport.objects.filter(pk=job.pk, status=RosterImport.Status.PREVIEWED).update(
        status=RosterImport.Status.PREVIEWING,
        started_at=timezone.now(),
        column_choices={**job.column_choices, **chosen},
        errors_file="",
    ):
        choices.remember(scope_for(job.created_by), job.kind, job.summary, chosen)
        if job.errors_file:
            job.errors_file.delete(save=False)  # of the old reading: a new one is built if needed
        transaction.on_commit(lambda: jobs.preview_roster_import.delay(job.pk))
    return redirect("rosters:detail", pk=job.pk)


def _done(user, job, kind, summary):
    """What the kind shows once its import is written (teams: the teams it wrote to)."""
    if job.status != RosterImport.Status.DONE or kind is None or kind.done_context is None:
        return {}
    return kind.done_context(user, summary)


def progress(request, pk):
    job = _job(request, pk, with_summary=False)
    return JsonResponse({"status": job.status, "running": job.is_running, **jobs.progress_of(job)})


@require_POST
def confirm(request, pk):
    """Queue the writing. Sheets without a header block it until each is ticked "skip this sheet";
    the ticks are kept on the job (skipped_sheets), and the writing plans again without them."""
    job = _job(request, pk)
    blocking = (job.summary or {}).get("sheets_without_header", [])
    ticked = [name for name in request.POST.getlist("skip_sheet") if name in blocking]
    if len(ticked) < len(blocking):
        messages.error(
            request,
            _("Sheets %(sheets)s have no header row: fix them and upload again, or tick “Skip this sheet”.")
            % {"sheets": ", ".join(name for name in blocking if name not in ticked)},
        )
        return redirect("rosters:detail", pk=job.pk)
    jobs.confirm(job, ticked)
    return redirect("rosters:detail", pk=job.pk)


@require_POST
def cancel(request, pk):
    """The officer drops a previewed file: it is deleted now, not after the retention period."""
    job = _job(request, pk)
    if RosterImport.objects.filter(pk=job.pk, status=RosterImport.Status.PREVIEWED).update(
        status=RosterImport.Status.CANCELLED
    ):
        upkeep.delete_files(job)
    return redirect("rosters:detail", pk=job.pk)


def uploaded_file(request, pk):
    """The uploaded file as it came, while it is kept."""
    job = _job(request, pk)
    _record_download(request, job, "roster_file")
    return _private_file(job.file, job.original_name)


def errors(request, pk):
    """The error workbook a worker built after the preview (never built here: see errors_file.py)."""
    job = _job(request, pk)
    _record_download(request, job, "roster_errors")
    stem = job.original_name.rsplit(".", 1)[0]
    return _private_file(job.errors_file, f"{stem} - loi.xlsx", XLSX)


def _record_download(request, job, what):
    """The officer's own upload comes back whole: every row it read is personal data taken out again."""
    rows = sum((job.summary or {}).get("totals", {}).values())
    record_access(request.user, what, rows=rows, detail=f"import {job.pk}")


def template(request, kind):
    _officer(request)
    found = kinds.find(kind)
    if found is None or found.template is None or found.scope_of is not None:
        raise Http404
    return download(template_workbook(kind), f"mau-{kind}.xlsx")


def export(request, what, file_format):
    user = _officer(request)
    if what not in EXPORTS:
        raise Http404
    content, content_type = export_file(what, user, file_format)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return download(content, f"{what}-{stamp}.{file_format}", content_type)
