"""The two pages of a phone proof (messaging/phone_proof.py): the number, then the texted code.

Both read the same whatever the number: "if the platform holds this number, a code is on its
way". Bad input keeps what was typed; limits answer in the reader's language.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from messaging import phone_proof
from messaging.forms import CodeForm, PhoneForm
from runtime import throttle


def _door(name: str) -> phone_proof.Door:
    door = phone_proof.door(name)
    if door is None:
        raise Http404
    return door


def _session_key(request: HttpRequest) -> str | None:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def ask(request: HttpRequest, door: str) -> HttpResponse:
    the_door = _door(door)
    form = PhoneForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        if (
            throttle.allow(request, "phone_proof")
            and throttle.allow(request, "phone_proof_session", key=_session_key(request))
            and throttle.allow(request, "phone_proof_phone", key=phone)
        ):
            phone_proof.ask(request, the_door.name, phone)
            return redirect("phone_proof:check", door=the_door.name)
        form.add_error(
            None, _("Too many codes asked for from here in a short time. Please try again in an hour.")
        )
        status = 429
    elif form.errors:
        status = 400
    return render(request, "messaging/prove_phone.html", {"door": the_door, "form": form}, status=status)


def check(request: HttpRequest, door: str) -> HttpResponse:
    the_door = _door(door)
    waiting = phone_proof.pending(request)
    if waiting is None or waiting.door != the_door.name:
        return redirect("phone_proof:ask", door=the_door.name)
    form = CodeForm(request.POST or None)
    phone, status = check_code(request, form)
    if phone:
        return redirect(the_door.landing)
    return render(
        request,
        "messaging/prove_phone_code.html",
        {"door": the_door, "form": form, "pending": waiting},
        status=status,
    )


def check_code(request: HttpRequest, form: CodeForm) -> tuple[str | None, int]:
    """The number the posted code proves, or None with the form's error and the page's status.
    Every page that takes a texted code (a door's proof, an opt-out link) checks it here."""
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    if not throttle.allow(request, "phone_proof_check"):
        form.add_error("code", _("Too many tries in a short time. Please wait a few minutes."))
        return None, 429
    try:
        phone = phone_proof.check(request, form.cleaned_data["code"])
    except phone_proof.TooManyTries:
        form.add_error("code", _("Too many wrong codes. Ask for a new code."))
        return None, 429
    if phone:
        return phone, 200
    form.add_error(
        "code",
        _("This code is not right, or has expired. Check the text message or ask for a new code."),
    )
    return None, 400
