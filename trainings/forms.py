"""Forms for citizens (sign-up) and for officers and leaders on a phone (session, enrolment,
attendance). Bad input keeps what was typed and says what to fix."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from messaging.forms import PhoneField
from places.models import Village
from places.widgets import use_unit_select
from teams.models import Team
from trainings.access import enrollable_members, venue_communes
from trainings.models import Course, Registration, TrainingSession

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def datetime_field(label):
    return forms.DateTimeField(
        label=label,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={"invalid": _("Type the date and time as dd/mm/yyyy hh:mm.")},
    )


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    phone = PhoneField()
    consent = forms.BooleanField(
        label=_(
            "I agree that the commune keeps my name and phone number to text me about this session "
            "(confirmation, reminders, changes). I can withdraw at any time by the link at the end of "
            "each text, or by cancelling my place on the page I get after signing up."
        ),
        error_messages={"required": _("Tick the box to agree to the reminders, or we cannot sign you up.")},
    )


SESSION_FIELDS = [
    "course",
    "audience",
    "commune",
    "village",
    "address",
    "online_url",
    "starts_at",
    "ends_at",
    "trainer",
    "capacity",
    "unaccented_sms",
]
OUTSIDE_SCOPE = {"invalid_choice": _("This place is outside the area you manage.")}


class SessionRules:
    """What the team-area form and the admin form share: places limited to the user's area, and
    no fewer places than people already registered."""

    def limit_to(self, user):
        communes = venue_communes(user)
        self.fields["course"].queryset = Course.objects.filter(is_active=True)
        self.fields["commune"].queryset = communes
        self.fields["village"].queryset = Village.objects.filter(commune__in=communes.values("pk"))
        use_unit_select(self.fields["commune"], group_by="province")
        use_unit_select(self.fields["village"], group_by="commune")
        for name in ("commune", "village"):
            self.fields[name].error_messages.update(OUTSIDE_SCOPE)

    def clean(self):
        cleaned = super().clean()
        capacity = cleaned.get("capacity")
        if self.instance.pk and capacity is not None:
            registered = self.instance.registrations.filter(status=Registration.Status.REGISTERED).count()
            if capacity < registered:
                self.add_error(
                    "capacity",
                    _("%(count)s people are already registered: the session cannot have fewer places.")
                    % {"count": registered},
                )
        if self.instance.pk and self.instance.status != TrainingSession.Status.SCHEDULED:
            raise forms.ValidationError(_("Only a scheduled session can be changed."))
        return cleaned


class SessionForm(SessionRules, forms.ModelForm):
    starts_at = datetime_field(_("Starts at"))
    ends_at = datetime_field(_("Ends at"))

    class Meta:
        model = TrainingSession
        fields = SESSION_FIELDS

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to(user)
        self.fields["capacity"].widget.attrs["inputmode"] = "numeric"


class EnrolForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Members"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    team = forms.ModelChoiceField(
        label=_("or a whole team"), queryset=None, required=False, empty_label=_("(no team)")
    )

    def __init__(self, *args, user, session, **kwargs):
        super().__init__(*args, **kwargs)
        members = enrollable_members(user, session).select_related("team", "user")
        self.fields["members"].queryset = members
        self.fields["team"].queryset = Team.objects.active().filter(pk__in=members.values("team_id"))

    def clean(self):
        cleaned = super().clean()
        chosen = list(cleaned.get("members") or [])
        if cleaned.get("team"):
            chosen += [
                m for m in self.fields["members"].queryset.filter(team=cleaned["team"]) if m not in chosen
            ]
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Choose members or a team to enrol."))
        cleaned["chosen"] = chosen
        return cleaned


def session_initial():
    """A new session starts next week at 08:00 for two hours: the usual morning class."""
    start = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=7), time(8)))
    return {"starts_at": start, "ends_at": start + timedelta(hours=2), "capacity": 30}
