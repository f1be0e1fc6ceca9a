"""Running sessions on a phone: officers within their scope, team leaders in their commune.

Create and change a session, enrol members one by one or a whole team, see each registrant's
texts and their delivery state, cancel, and tick attendance on the day. An action that texts
people (a move, more places, enrolment, cancelling) first shows what it will send and what that
costs; only the confirmation sends (trainings/bulk.py).
"""

import copy
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.authority import may_act_on
from messaging.outbox import when_it_goes
from trainings import bulk
from trainings.access import manageable_sessions, may_run_trainings
from trainings.attendance import AttendanceError, may_take_attendance, record_attendance
from trainings.changes import cancel, save_changes
from trainings.forms import EnrolForm, SessionForm, session_initial
from trainings.models import Registration, SessionMessage, TrainingSession
from trainings.registering import RegistrationError, enrol, withdraw

RECENT_DAYS = 30


def _forbidden(request):
    return render(
        request,
        "teams/forbidden.html",
        {"message": _("Only officers and team leaders can run training sessions.")},
        status=403,
    )


def _session(request, pk):
    """A session `request.user` may run (accounts.authority: its officers, or a leader of a team
    in its commune); 404 for one outside their area, so ids leak nothing."""
    session = get_object_or_404(
        TrainingSession.objects.select_related("course", "commune__province", "village"), pk=pk
    )
    if not may_act_on(request.user, session):
        raise Http404
    return session


@login_required
def session_list(request):
    if not may_run_trainings(request.user):
        return _forbidden(request)
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    sessions = (
        manageable_sessions(request.user)
        .filter(ends_at__gte=since)
        .select_related("course", "commune", "village")
        .annotate(
            taken=Count("registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )
        .order_by("starts_at", "pk")
    )
    return render(request, "trainings/manage_list.html", {"sessions": sessions})


@login_required
def session_create(request):
    if not may_run_trainings(request.user):
        return _forbidden(request)
    form = SessionForm(request.POST or None, user=request.user, initial=session_initial())
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.created_by = request.user
        session.save()
        messages.success(request, _("Session created. Now enrol people or share its page."))
        return redirect("trainings:manage", pk=session.pk)
    return _form_page(request, form, None)


@login_required
def session_edit(request, pk):
    session = _session(request, pk)
    before = copy.copy(session)
    form = SessionForm(request.POST or None, instance=session, user=request.user)
    if request.method == "POST" and form.is_valid() and bulk.BACK not in request.POST:
        if bulk.CONFIRM not in request.POST:
            preview = bulk.changing(form.instance, before)
            if preview.people:
                return _confirm_page(
                    request,
                    session,
                    preview,
                    title=_("Save the change and text everyone?"),
                    button=_("Save and send the texts"),
                    form=True,
                )
        save_changes(form.instance, before)
        messages.success(
            request,
            _("Changes saved; everyone signed up is told by text %(when)s.") % {"when": when_it_goes()},
        )
        return redirect("trainings:manage", pk=session.pk)
    return _form_page(request, form, session)


def _form_page(request, form, session):
    if form.errors:
        messages.error(request, _("Nothing was saved: please check the fields marked below."))
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "session": session},
        status=400 if form.errors else 200,
    )


@login_required
def session_manage(request, pk):
    session = _session(request, pk)
    enrol_form = EnrolForm(request.POST or None, user=request.user, session=session)
    if request.method == "POST" and enrol_form.is_valid() and bulk.BACK not in request.POST:
        chosen = enrol_form.cleaned_data["chosen"]
        try:
            if bulk.CONFIRM not in request.POST:
                preview = bulk.enrolling(session, chosen)
                if preview.people:
                    return _confirm_page(
                        request,
                        session,
                        preview,
                        title=_("Enrol and text them?"),
                        button=_("Enrol and send the texts"),
                        form=True,
                    )
            enrolled = enrol(session, chosen)
        except RegistrationError as error:
            enrol_form.add_error(None, str(error))
        else:
            messages.success(request, _("%(count)s enrolled.") % {"count": len(enrolled)})
            return redirect("trainings:manage", pk=session.pk)
    texts = SessionMessage.objects.select_related("message").order_by("message__due_at", "pk")
    registrations = (
        session.registrations.exclude(status=Registration.Status.WITHDRAWN)
        .select_related("member")
        .prefetch_related(Prefetch("messages", queryset=texts))
        .order_by("status", "queued_at", "pk")
    )
    return render(
        request,
        "trainings/session_manage.html",
        {
            "session": session,
            "registrations": registrations,
            "enrol_form": enrol_form,
            "can_take_attendance": may_take_attendance(session),
        },
        status=400 if enrol_form.errors else 200,
    )


@login_required
def session_cancel(request, pk):
    """GET: what cancelling will text; POST (the confirmation): cancel and send."""
    session = _session(request, pk)
    if not session.is_ahead:
        # Held or already cancelled: nobody is told a session that took place was called off.
        if session.status == TrainingSession.Status.SCHEDULED:
            messages.error(request, _("This session has already begun: it can no longer be cancelled."))
        return redirect("trainings:manage", pk=session.pk)
    if request.method == "POST":
        cancel(session)
        messages.success(
            request,
            _("Session cancelled; everyone signed up is told by text %(when)s.") % {"when": when_it_goes()},
        )
        return redirect("trainings:manage", pk=session.pk)
    return _confirm_page(
        request,
        session,
        bulk.cancelling(session),
        title=_("Cancel the session?"),
        button=_("Cancel the session and send the texts"),
    )


def _confirm_page(request, session, preview, *, title, button, form=False):
    """The texts an action will send and their cost, with the button that sends them. `form`:
    the posted form rides along in hidden fields, and "Go back" returns to it as typed."""
    return render(
        request,
        "trainings/confirm_send.html",
        {
            "session": session,
            "preview": preview,
            "title": title,
            "button": button,
            "carried": bulk.carried_fields(request.POST) if form else None,
            "confirm": bulk.CONFIRM,
            "back": bulk.BACK,
        },
    )


@login_required
@require_POST
def registration_withdraw(request, pk, registration_pk):
    session = _session(request, pk)
    registration = get_object_or_404(session.registrations, pk=registration_pk)
    withdraw(registration, reason="taken off by an officer")
    messages.success(request, _("%(name)s is no longer signed up.") % {"name": registration.full_name})
    return redirect("trainings:manage", pk=session.pk)


@login_required
def attendance(request, pk):
    session = _session(request, pk)
    registered = session.registrations.filter(status=Registration.Status.REGISTERED).select_related("member")
    if request.method == "POST":
        try:
            trained = record_attendance(session, request.POST.getlist("came"))
        except AttendanceError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Attendance saved; %(count)s members marked trained.") % {"count": trained}
            )
            return redirect("trainings:manage", pk=session.pk)
    return render(
        request,
        "trainings/attendance.html",
        {"session": session, "registered": registered, "open": may_take_attendance(session)},
        status=400 if request.method == "POST" else 200,
    )
