"""The forms a team member fills on a phone: a household in a few taps, a person, a skills check."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from households import skills
from households.models import Household, HouseholdMember
from messaging.models import Purpose
from vietnamese.phones import InvalidPhone, normalize_phone

# What a household's phone may be used for; each ticked purpose is a consent record.
PHONE_PURPOSES = [
    (Purpose.NOTICE.value, _("notices from the team")),
    (Purpose.REMINDER.value, _("reminders of visits and sessions")),
]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HouseholdForm(forms.ModelForm):
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    consent = forms.MultipleChoiceField(
        label=_("The person agrees that the team keeps this number for"),
        choices=PHONE_PURPOSES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Household
        fields = ["head_name", "address", "phone"]
        widgets = {"head_name": forms.TextInput(attrs={"autocomplete": "off"})}

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        if not raw:
            return None
        try:
            return normalize_phone(raw)
        except InvalidPhone:
            raise forms.ValidationError(_("Type a Vietnamese mobile number, e.g. 0912 345 678.")) from None

    def clean(self):
        cleaned = super().clean()
        phone, consent = cleaned.get("phone"), cleaned.get("consent")
        unchanged = self.instance.pk and phone == self.instance.phone
        if phone and not consent and not unchanged:
            self.add_error(
                "consent",
                _("A phone number is kept only with the person's consent: tick what they agreed to."),
            )
        return cleaned


class PersonForm(forms.ModelForm):
    class Meta:
        model = HouseholdMember
        fields = ["full_name", "birth_year", "sex"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "birth_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        if year is not None and not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Type a year between 1900 and this year."))
        return year


class SkillCheckForm(forms.Form):
    """The current framework's skills, ticked; an optional visit to come back for."""

    checked_on = forms.DateField(label=_("Date of the check"), widget=DATE_WIDGET)
    come_back_on = forms.DateField(label=_("Come back on (optional)"), required=False, widget=DATE_WIDGET)
    come_back_for = forms.CharField(label=_("To do on that visit"), required=False, max_length=255)
    assigned_to = forms.ModelChoiceField(label=_("Team member who comes back"), queryset=None, required=False)

    def __init__(self, *args, team_members, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = skills.current()
        self.fields["checked_on"].initial = timezone.localdate()
        for group in self.framework.groups:
            self.fields[f"group_{group.code}"] = forms.MultipleChoiceField(
                label=group.label,
                choices=[(skill.code, skill.label) for skill in group.skills],
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        self.fields["assigned_to"].queryset = team_members

    @property
    def group_fields(self):
        return [self[f"group_{group.code}"] for group in self.framework.groups]

    def clean_checked_on(self):
        day = self.cleaned_data["checked_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A check cannot be dated in the future."))
        return day

    def clean(self):
        cleaned = super().clean()
        cleaned["shown"] = [
            code for group in self.framework.groups for code in cleaned.get(f"group_{group.code}", [])
        ]
        if not cleaned["shown"]:
            raise forms.ValidationError(_("Tick at least one thing the person showed they can do."))
        come_back = cleaned.get("come_back_on")
        if come_back:
            if come_back < timezone.localdate():
                self.add_error("come_back_on", _("A visit to come back for is in the future."))
            if not cleaned.get("come_back_for"):
                self.add_error("come_back_for", _("Say what to do on that visit."))
            if not cleaned.get("assigned_to"):
                self.add_error("assigned_to", _("Choose who comes back."))
        return cleaned


class FollowUpForm(forms.Form):
    due_on = forms.DateField(label=_("Come back on"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("To do on that visit"), max_length=255)
    assigned_to = forms.ModelChoiceField(label=_("Team member who comes back"), queryset=None)

    def __init__(self, *args, team_members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = team_members

    def clean_due_on(self):
        day = self.cleaned_data["due_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("A visit to come back for is in the future."))
        return day
