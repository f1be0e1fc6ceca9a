"""The "my data" page: a person who proved their phone by a texted code sees, downloads and
corrects what is held about that number, grants or withdraws consent, and asks for deletion.

Anyone whose number is held comes in through the "my-data" phone-proof door (messaging/
phone_proof.py, registered in privacy/apps.py), with no account; a user who signed in by a code
is let in on allauth's record of it. Everything is keyed on the number this session proved, never
on an id from the URL or the form, so no request can reach another person's data.
"""

from allauth.account.authentication import get_authentication_records
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access_log import record_access
from messaging import phone_proof
from messaging.models import PENDING_STATES, ConsentMethod, Message
from messaging.outbox import clear, has_consent, is_muted, record_consent
from privacy import downloads
from privacy.forms import ConsentForm, NameForm
from privacy.holdings import CHOOSABLE_PURPOSES, people_of, records_of
from privacy.models import RightsRequest
from privacy.requests import Action, open_request, record


def proven_phone(request):
    """The number this session proved by a texted code (the door's, or a code sign-in), or None."""
    phone = phone_proof.proven_phone(request)
    if phone:
        return phone
    user = request.user
    if not user.is_authenticated or not user.phone:
        return None
    for entry in get_authentication_records(request, user):
        if entry.get("method") == "code" and entry.get("phone") == user.phone:
            return user.phone
    return None


def phone_signed_in(view):
    def wrapped(request, *args, **kwargs):
        phone = proven_phone(request)
        if phone is None:
            return redirect("phone_proof:ask", door="my-data")
        return view(request, phone, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@phone_signed_in
def my_data(request, phone):
    consents = [
        {"purpose": purpose, "granted": has_consent(phone, purpose) and not is_muted(phone)}
        for purpose in CHOOSABLE_PURPOSES
    ]
    return render(
        request,
        "privacy/my_data.html",
        {
            "sections": records_of(phone),
            "consents": consents,
            "muted": is_muted(phone),
            "name_form": NameForm(initial={"full_name": _name_of(phone)}),
            "deletion_open": _open_deletion(phone).exists(),
        },
    )


@phone_signed_in
def download(request, phone, file_format):
    sections = records_of(phone)
    record_access(
        request.user, "my_data", rows=downloads.row_count(sections), scope="self", detail=file_format
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    if file_format == "json":
        content, content_type = downloads.as_json(phone, sections), "application/json"
    else:
        content, content_type = downloads.as_xlsx(sections), downloads.XLSX
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, f"du-lieu-cua-toi-{stamp}.{file_format}"
    )
    return response


@require_POST
@phone_signed_in
def correct_name(request, phone):
    form = NameForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["full_name"]))
        return redirect("privacy:my_data")
    name = form.cleaned_data["full_name"]
    held = people_of(phone)
    for user in held["users"]:
        user.full_name = name
        user.save(update_fields=["full_name"])
    for member in held["members"].filter(left_on__isnull=True):
        member.full_name = name
        member.save()
    held["registrations"].update(full_name=name)
    done = open_request(
        RightsRequest.Kind.CORRECTION,
        phone=phone,
        full_name=name,
        channel=ConsentMethod.SELF_SERVICE,
        user=_account_of(phone),
        detail="full name",
    )
    record(done, Action.DONE, note="name corrected on the my data page")
    messages.success(request, _("Your name is now %(name)s.") % {"name": name})
    return redirect("privacy:my_data")


@require_POST
@phone_signed_in
def change_consent(request, phone):
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to give or withdraw consent for."))
        return redirect("privacy:my_data")
    purpose, granted = form.cleaned_data["purpose"], form.cleaned_data["granted"]
    record_consent(phone, purpose, ConsentMethod.SELF_SERVICE, granted=granted, note="my data page")
    if not granted:
        # Done at once, well inside the law's 15 days: nothing already queued for it goes out.
        clear(
            Message.objects.filter(recipient=phone, purpose=purpose, state__in=PENDING_STATES),
            "consent withdrawn",
        )
    label = {p.value: p.label for p in CHOOSABLE_PURPOSES}[purpose]
    if granted:
        messages.success(request, _("Consent given: %(purpose)s.") % {"purpose": label})
    else:
        messages.success(request, _("Consent withdrawn: %(purpose)s.") % {"purpose": label})
    return redirect("privacy:my_data")


@require_POST
@phone_signed_in
def ask_deletion(request, phone):
    if not _open_deletion(phone).exists():
        open_request(
            RightsRequest.Kind.DELETION,
            phone=phone,
            full_name=_name_of(phone),
            channel=ConsentMethod.SELF_SERVICE,
            user=_account_of(phone),
        )
    messages.success(
        request,
        _("Your request to delete your data is received. An officer acknowledges it within 2 working days."),
    )
    return redirect("privacy:my_data")


def _open_deletion(phone):
    return people_of(phone)["requests"].filter(
        kind=RightsRequest.Kind.DELETION, status__in=RightsRequest.OPEN_STATUSES
    )


def _account_of(phone):
    return people_of(phone)["users"].first()


def _name_of(phone):
    """The name held for the number: the account's, else the latest membership's or sign-up's."""
    held = people_of(phone)
    for queryset in (held["users"], held["members"], held["registrations"]):
        name = queryset.exclude(full_name="").order_by("-pk").values_list("full_name", flat=True).first()
        if name:
            return name
    return ""
