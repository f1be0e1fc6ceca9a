"""Officers recording a person's request and acting on it: authority follows the person's data.

A request is placed by where the person appears (privacy/requests.py `place_of`), never by the
commune the form names, and every action asks again `accounts.authority.may_act_on(officer,
person)`: the officer's scope must cover EVERY unit where the person appears now. When it does
not, the request is forwarded to the unit that does, and the officer is told only that: no name,
team or place beyond their own units. Erasure asks first, naming the person and listing what
goes; an account holding a staff role is erased by nobody until the role is removed.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.authority import may_act_on, places_of
from accounts.scopes import get_visible_or_404, is_officer
from privacy.erasure import erase_person
from privacy.forms import RecordRequestForm
from privacy.holdings import people_of
from privacy.models import RightsRequest
from privacy.requests import Action, forward, open_request, record
from vietnamese.phones import Phone


class ActForm(forms.Form):
    """What an officer records about a request. Erasure is not among them: it has its own page
    that asks first (`erase`)."""

    action = forms.ChoiceField(
        choices=[
            (Action.ACKNOWLEDGED, gettext_lazy("Acknowledge")),
            (Action.DONE, gettext_lazy("Mark done")),
            (Action.REFUSED, gettext_lazy("Refuse")),
            (Action.NOTE, gettext_lazy("Add a note")),
        ]
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


def officer_of(request):
    if not is_officer(request.user):
        raise PermissionDenied
    return request.user


def _told_forwarded(request):
    messages.warning(
        request,
        _(
            "This person's data is also held outside the units you manage: the request is recorded and "
            "forwarded to the level that covers every place it is held, which handles it."
        ),
    )
    return redirect("data_requests:index")


def _beyond(user, rights_request):
    """Does the person of `rights_request` appear where `user`'s scope does not reach?"""
    person = rights_request.phone or rights_request.user
    return bool(person) and not may_act_on(user, person)


def _request_in_reach(request, pk):
    """The request, if it is in the officer's units (404 otherwise, so ids leak nothing)."""
    user = officer_of(request)
    return user, get_visible_or_404(user, RightsRequest.objects.select_related("user"), pk=pk)


@require_POST
def act(request, pk):
    """Acknowledge, close, refuse or annotate one request whose person is within the officer's reach."""
    user, rights_request = _request_in_reach(request, pk)
    if _beyond(user, rights_request):
        forward(rights_request, by=user)
        return _told_forwarded(request)
    form = ActForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do."))
    else:
        record(rights_request, form.cleaned_data["action"], by=user, note=form.cleaned_data["note"])
        messages.success(request, _("Recorded."))
    return redirect("data_requests:inspect", pk)


def _what_goes(phone):
    """What erasing `phone` removes, counted, for the confirmation page."""
    held = people_of(phone)
    counted = [
        (_("Accounts (deleted, with their roles and sign-in)"), held["users"].count()),
        (_("Team memberships (kept nameless for the counts)"), held["members"].count()),
        (_("Training registrations (kept nameless for the counts)"), held["registrations"].count()),
        (_("Consent records (deleted)"), held["consents"].count()),
        (_("Text messages (number and text removed)"), held["messages"].count()),
        (_("Assistance logs naming the person (name and number removed from notes)"), held["logs"].count()),
        (_("Data requests (name, number and text removed)"), held["requests"].count()),
    ]
    names = {p.full_name for key in ("users", "members", "registrations") for p in held[key] if p.full_name}
    return [(label, count) for label, count in counted if count], sorted(names)


def erase(request, pk):
    """Erase the person of an open deletion request, after a page that names them and lists what
    goes. Only an officer whose scope covers the person; a staff account never while it holds a role."""
    user, rights_request = _request_in_reach(request, pk)
    if (
        rights_request.kind != RightsRequest.Kind.DELETION
        or not rights_request.is_open
        or not rights_request.phone
    ):
        messages.error(request, _("Only a deletion request not yet carried out can erase a person's data."))
        return redirect("data_requests:inspect", pk)
    if _beyond(user, rights_request):
        forward(rights_request, by=user)
        return _told_forwarded(request)
    if places_of(phone=rights_request.phone).staff_role:
        messages.error(
            request,
            _(
                "Remove this account's roles first (Roles): an account holding an officer's, editor's or "
                "administrator's role is never erased."
            ),
        )
        return redirect("data_requests:inspect", pk)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        erase_person(rights_request.phone, by=user, request=rights_request)
        record(rights_request, Action.DONE, by=user, note=request.POST.get("note", "")[:500])
        messages.success(request, _("The person's data is erased everywhere; the counts stay as they were."))
        return redirect("data_requests:inspect", pk)
    goes, names = _what_goes(rights_request.phone)
    return render(
        request,
        "privacy/admin/erase_confirm.html",
        {
            "object": rights_request,
            "phone": Phone(rights_request.phone).national,
            "names": names,
            "goes": goes,
            "title": _("Erase this person's data?"),
        },
    )


def record_request(request):
    """A request made in person, by phone or on paper, written down by an officer."""
    user = officer_of(request)
    form = RecordRequestForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        rights_request = open_request(
            data["kind"],
            phone=data["phone"],
            full_name=data["full_name"],
            channel=data["channel"],
            by=user,
            commune=data["commune"],
            detail=data["detail"],
            received_at=data["received_at"],
        )
        if not may_act_on(user, rights_request):
            return _told_forwarded(request)
        messages.success(request, _("Request recorded."))
        return redirect("data_requests:inspect", rights_request.pk)
    return render(
        request,
        "privacy/admin/form.html",
        {"form": form, "title": _("Record a request"), "submit": _("Record the request")},
    )
