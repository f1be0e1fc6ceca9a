"""Forms of the "my data" page and of the officers' screens."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.authority import may_act_on
from accounts.scopes import scope_for, visible
from messaging.models import ConsentMethod, Purpose
from places.models import Commune
from privacy.holdings import CHOOSABLE_PURPOSES
from privacy.models import REQUEST_METHODS, RightsRequest
from teams.models import Member
from trainings.models import Registration
from vietnamese.phones import InvalidPhone, normalize_phone
from vietnamese.text import normalize

# Letters (any script's, so every Vietnamese letter in any composition), spaces, and the
# apostrophe, dot and hyphen some names carry. No digits, no symbols.
_NAME = re.compile(r"^[^\W\d_]+(?:[ .'\-][^\W\d_]+)*\.?$")


class NameForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)

    def clean_full_name(self):
        name = normalize(self.cleaned_data["full_name"])
        if not _NAME.match(name):
            raise forms.ValidationError(_("Write your name in letters only, for example: Nguyễn Thị Lan."))
        return name


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=[(p.value, p.label) for p in CHOOSABLE_PURPOSES])
    granted = forms.TypedChoiceField(coerce=lambda value: value == "1", choices=[("1", "1"), ("0", "0")])


class PhoneField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        try:
            return normalize_phone(value)
        except InvalidPhone as error:
            raise forms.ValidationError(str(error)) from None


class RecordRequestForm(forms.Form):
    """A request made in person, by phone or on paper. The commune is where it was received,
    chosen among the officer's own (a national administrator may leave it empty); one outside the
    scope posted anyway is refused like any invalid choice. It places the request only for a
    number held nowhere yet: otherwise the person's data does (privacy/requests.py)."""

    commune = forms.ModelChoiceField(
        label=_("Commune where it was received"),
        queryset=Commune.objects.none(),
        required=False,
        help_text=_("A number the platform already holds goes to the unit that holds its data."),
    )
    kind = forms.ChoiceField(label=_("Request"), choices=RightsRequest.Kind.choices)
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(m.value, m.label) for m in REQUEST_METHODS if m != ConsentMethod.SELF_SERVICE],
    )
    received_at = forms.DateTimeField(label=_("Received at"), initial=timezone.now)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    phone = PhoneField(label=_("Phone number"), max_length=32)
    detail = forms.CharField(label=_("What the person asked"), widget=forms.Textarea, required=False)

    field_order = ["kind", "channel", "received_at", "full_name", "phone", "commune", "detail"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communes = visible(user, Commune.objects.select_related("province")).order_by(
            "province_id", "name_key"
        )
        self.fields["commune"].queryset = communes
        self.fields["commune"].required = not scope_for(user).national

    def clean_received_at(self):
        received = self.cleaned_data["received_at"]
        if received > timezone.now():
            raise forms.ValidationError(_("A request cannot be received in the future."))
        return received


OUTSIDE_YOUR_UNITS = _(
    "This number is also held outside the units you manage: ask your province (or the national "
    "administrator) to record this."
)


class RecordConsentForm(forms.Form):
    """Consent or an opt-out given on paper, in person or by phone, written down by an officer,
    for a number held in the officer's units (a member's or a training registration's) and
    nowhere beyond them (accounts.authority.may_act_on): muting or unmuting numbers elsewhere is
    not theirs to do."""

    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"

    phone = PhoneField(label=_("Phone number"), max_length=32)
    choice = forms.ChoiceField(
        label=_("What the person said"),
        choices=[
            (OPT_OUT, _("Opt out of all texts (as a STOP text does)")),
            (OPT_IN, _("Opt back in to all texts (as a START text does)")),
            *[
                (f"grant:{p.value}", _("Consent to: %(purpose)s") % {"purpose": p.label})
                for p in CHOOSABLE_PURPOSES
            ],
            *[
                (f"withdraw:{p.value}", _("Withdraw consent to: %(purpose)s") % {"purpose": p.label})
                for p in CHOOSABLE_PURPOSES
            ],
        ],
    )
    method = forms.ChoiceField(
        label=_("How it was given"),
        choices=[
            (m.value, m.label)
            for m in (ConsentMethod.PAPER, ConsentMethod.IN_PERSON, ConsentMethod.PHONE_CALL)
        ],
    )
    given_on = forms.DateField(label=_("Date given"), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if scope_for(self.user).national:
            return phone
        held = (
            visible(self.user, Member.objects.filter(phone=phone)).exists()
            or visible(self.user, Registration.objects.filter(phone=phone)).exists()
        )
        if not held:
            raise forms.ValidationError(_("No member or registration in your units has this number."))
        # An opt-out or consent reaches every text to the number, wherever it was sent from.
        if not may_act_on(self.user, phone):
            raise forms.ValidationError(OUTSIDE_YOUR_UNITS)
        return phone

    def clean_given_on(self):
        given = self.cleaned_data["given_on"]
        if given > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return given

    @property
    def purpose(self):
        return Purpose(self.cleaned_data["choice"].split(":", 1)[1])
