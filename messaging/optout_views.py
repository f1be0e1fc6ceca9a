"""The opt-out link's pages (messaging/optout.py): /u/<code>, then "stop these texts?", the
texted code, and done. No page shows the number: whoever holds the link learns only what kind
of texts it stops, and nothing stops until the phone's holder types the code texted to it."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from messaging import optout, phone_proof
from messaging.forms import CodeForm
from messaging.models import OptOutLink
from messaging.proof_views import check_code
from runtime import throttle

SESSION_KEY = "optout_link"
DOOR = "stop"


def link(request: HttpRequest, code: str) -> HttpResponse:
    """The short link a text ends with: remember what it opens, go on in the text's language."""
    found = optout.link_of(code)
    if found is None:
        raise Http404
    request.session[SESSION_KEY] = found.pk
    with translation.override(found.language):
        return redirect(reverse("optout:stop"))


def _link(request: HttpRequest) -> OptOutLink:
    pk = request.session.get(SESSION_KEY)
    found = None if pk is None else OptOutLink.objects.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _done(request: HttpRequest, found: OptOutLink) -> HttpResponse:
    cleared = optout.stop(found)
    request.session.pop(SESSION_KEY, None)
    return render(request, "messaging/optout_done.html", {"link": found, "cleared": cleared})


def stop(request: HttpRequest) -> HttpResponse:
    found = _link(request)
    error, status = None, 200
    if request.method == "POST":
        if phone_proof.proven_phone(request) == found.phone:
            return _done(request, found)
        if throttle.allow(request, "phone_proof") and throttle.allow(
            request, "phone_proof_phone", key=found.phone
        ):
            phone_proof.ask(request, DOOR, found.phone)
            return redirect("optout:code")
        error, status = (
            _("Too many codes asked for from here in a short time. Please try again in an hour."),
            429,
        )
    return render(request, "messaging/optout_stop.html", {"link": found, "error": error}, status=status)


def code(request: HttpRequest) -> HttpResponse:
    found = _link(request)
    waiting = phone_proof.pending(request)
    if waiting is None or waiting.door != DOOR or waiting.phone != found.phone:
        return redirect("optout:stop")
    form = CodeForm(request.POST or None)
    phone, status = check_code(request, form)
    if phone == found.phone:
        return _done(request, found)
    if phone:  # a code proving another number stops nothing here
        form.add_error(
            "code",
            _("This code is not right, or has expired. Check the text message or ask for a new code."),
        )
        status = 400
    return render(request, "messaging/optout_code.html", {"link": found, "form": form}, status=status)
