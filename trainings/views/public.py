"""Pages citizens use: upcoming sessions near them, a session with sign-up, their own place.

Plain Django views under the language prefix rather than Wagtail pages: sessions are records
officers keep (scoped, with capacity and a waiting list), not content editors write, and one
view serves every session in both languages without a page per session per language tree.
"""

from dataclasses import asdict

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from messaging.forms import CodeForm
from runtime import throttle
from teams.membership import current_memberships
from trainings import ical, texts, verifying
from trainings.access import team_sessions
from trainings.forms import SignUpForm
from trainings.models import Registration, TrainingSession
from trainings.nearby import sessions_near
from trainings.registering import RegistrationError, free_places, withdraw

LISTED = 50
PENDING_KEY = "training_sign_up"  # in the browser's session: a verifying.Pending, never a code


def upcoming(request):
    place = (request.GET.get("place") or "").strip()
    sessions = list(sessions_near(place)[:LISTED])
    # A team member also sees their team's members-only sessions, which no citizen is shown.
    own = team_sessions(request.user).upcoming().select_related("course", "commune__province", "village")
    return render(
        request,
        "trainings/upcoming.html",
        {"sessions": sessions, "place": place, "team_sessions": list(own[:LISTED])},
    )


def _public_session(pk, user=None):
    """A citizens' session, or a members-only one `user` may open as a member of its team."""
    sessions = TrainingSession.objects.public()
    if user is not None:
        sessions = sessions | team_sessions(user)
    return get_object_or_404(sessions.select_related("course", "commune__province", "village"), pk=pk)


def _enrolled(session, user):
    """Whether `user`, as a team member, holds a place (or a waiting one) in `session`."""
    return session.registrations.filter(
        member__in=current_memberships(user), status__in=verifying.ACTIVE
    ).exists()


def _session_key(request):
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def _may_ask_for_a_code(request, phone):
    """Each attempt texts someone: limited per client address, per browser session and per number."""
    return (
        throttle.allow(request, "training_sign_up")
        and throttle.allow(request, "training_sign_up_session", key=_session_key(request))
        and throttle.allow(request, "training_sign_up_phone", key=phone)
    )


def session_detail(request, pk):
    session = _public_session(pk, request.user)
    for_members = session.audience == TrainingSession.Audience.MEMBERS
    # Members are enrolled by their leader or an officer: their session's page has no sign-up form.
    form = SignUpForm(None if for_members else request.POST or None)
    limited = False
    if request.method == "POST" and form.is_valid():
        if _may_ask_for_a_code(request, form.cleaned_data["phone"]):
            pending = verifying.request_code(
                session,
                full_name=form.cleaned_data["full_name"],
                phone=form.cleaned_data["phone"],
                language=(get_language() or "vi")[:2],
            )
            request.session[PENDING_KEY] = asdict(pending)
            return redirect("trainings:confirm", pk=session.pk)
        form.add_error(None, _("Too many sign-ups from here in a short time. Please try again in an hour."))
        limited = True
    if request.method == "POST" and not for_members:
        messages.error(request, _("You are not signed up yet: please check the fields marked below."))
    url = request.build_absolute_uri(session_url(session))
    return render(
        request,
        "trainings/session_detail.html",
        {
            "session": session,
            "form": form,
            "places_left": free_places(session),
            "google_link": ical.google_calendar_link(session, url),
            "enrolled": for_members and _enrolled(session, request.user),
            "share": texts.zalo_share(session, (get_language() or "vi")[:2], url),
        },
        status=429 if limited else (400 if form.errors else 200),
    )


def confirm_sign_up(request, pk):
    """Step two: the code from the text. The page reads the same whether a place is held or the
    number was already signed up (then no code exists and none is right)."""
    session = _public_session(pk)
    stored = request.session.get(PENDING_KEY)
    if not stored or stored["session"] != session.pk:
        return redirect("trainings:session", pk=session.pk)
    pending = verifying.Pending(**stored)
    form = CodeForm(request.POST or None)
    limited = False
    if request.method == "POST" and form.is_valid():
        if not throttle.allow(request, "training_confirm", key=_session_key(request)):
            form.add_error("code", _("Too many tries in a short time. Please wait a few minutes."))
            limited = True
        else:
            try:
                _registration, key = verifying.confirm(pending, form.cleaned_data["code"])
            except verifying.WrongCode as error:
                form.add_error("code", str(error))
            except RegistrationError as error:
                form.add_error(None, str(error))
            else:
                del request.session[PENDING_KEY]
                return redirect("trainings:registration", token=key)
            request.session[PENDING_KEY] = asdict(pending)  # counts the wrong try
    return render(
        request,
        "trainings/confirm_sign_up.html",
        {"session": session, "form": form, "pending": pending},
        status=429 if limited else (400 if form.errors else 200),
    )


def session_url(session):
    return reverse("trainings:session", args=[session.pk])


def registration(request, token):
    """One's own place, by the key in the link shown after signing up (no account needed)."""
    registration = get_object_or_404(
        Registration.objects.select_related("session__course", "session__commune", "session__village"),
        link_hash=verifying.link_hash(token),
        status__in=verifying.ACTIVE,
    )
    session = registration.session
    if request.method == "POST" and request.POST.get("confirm") != "yes":
        # "Cancel my place" first asks, in a plain form that works without JavaScript.
        return render(
            request, "trainings/registration_cancel.html", {"registration": registration, "session": session}
        )
    if request.method == "POST":
        withdraw(registration, reason="cancelled by the person on the website")
        messages.success(
            request, _("Your place is cancelled. You will get no more texts about this session.")
        )
        return redirect("trainings:session", pk=session.pk)
    url = request.build_absolute_uri(session_url(session))
    return render(
        request,
        "trainings/registration.html",
        {
            "registration": registration,
            "session": session,
            "google_link": ical.google_calendar_link(session, url),
        },
    )


def session_calendar(request, pk):
    session = _public_session(pk, request.user)
    return _ics(request, [session], session.course.title, f"session-{session.pk}.ics")


def upcoming_calendar(request):
    place = (request.GET.get("place") or "").strip()
    return _ics(request, sessions_near(place)[:500], _("Training sessions"), "trainings.ics")


def _ics(request, sessions, name, filename):
    host = request.get_host().split(":")[0]
    events = [ical.event_lines(s, request.build_absolute_uri(session_url(s)), host) for s in sessions]
    response = HttpResponse(ical.calendar(events, name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
