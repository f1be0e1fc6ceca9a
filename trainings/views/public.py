"""Pages citizens use: upcoming sessions near them, a session with sign-up, their own place.

Plain Django views under the language prefix rather than Wagtail pages: sessions are records
officers keep (scoped, with capacity and a waiting list), not content editors write, and one
view serves every session in both languages without a page per session per language tree.
"""

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from trainings import ical
from trainings.forms import SignUpForm
from trainings.models import Registration, TrainingSession
from trainings.places import sessions_near
from trainings.registering import RegistrationError, free_places, sign_up, withdraw

TOKEN_SALT = "trainings.registration"  # noqa: S105  (a namespace for signing, not a secret)
LISTED = 50


def registration_token(registration):
    """The key to one's own place, shown after signing up: no account needed to cancel it."""
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def upcoming(request):
    place = (request.GET.get("place") or "").strip()
    sessions = list(sessions_near(place)[:LISTED])
    return render(request, "trainings/upcoming.html", {"sessions": sessions, "place": place})


def _public_session(pk):
    return get_object_or_404(
        TrainingSession.objects.public().select_related("course", "commune__province", "village"), pk=pk
    )


def session_detail(request, pk):
    session = _public_session(pk)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = sign_up(
                session,
                full_name=form.cleaned_data["full_name"],
                phone=form.cleaned_data["phone"],
                language=(get_language() or "vi")[:2],
            )
        except RegistrationError as error:
            form.add_error(error.field, str(error))
        else:
            return redirect("trainings:registration", token=registration_token(registration))
    if request.method == "POST":
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
        },
        status=400 if form.errors else 200,
    )


def session_url(session):
    return reverse("trainings:session", args=[session.pk])


def registration(request, token):
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        raise Http404 from None
    registration = get_object_or_404(
        Registration.objects.select_related("session__course", "session__commune", "session__village"), pk=pk
    )
    session = registration.session
    if request.method == "POST" and registration.is_active and request.POST.get("confirm") != "yes":
        # "Cancel my place" first asks, in a plain form that works without JavaScript.
        return render(
            request, "trainings/registration_cancel.html", {"registration": registration, "session": session}
        )
    if request.method == "POST" and registration.is_active:
        withdraw(registration, reason="cancelled by the person on the website")
        messages.success(
            request, _("Your place is cancelled. You will get no more texts about this session.")
        )
        return redirect("trainings:registration", token=token)
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
    session = _public_session(pk)
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
