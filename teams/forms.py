"""The leader's session form: everything on one phone screen, defaults that make it a few taps."""

import uuid

from django import forms
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scopes import OUTSIDE_SCOPE_MESSAGE
from places.models import Village
from teams.models import Member, OutcomeType, Service

# No single session helps more people than this; a bigger number is a typing slip.
MAX_PER_SESSION = 2000


def count_field(label, required=False):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=MAX_PER_SESSION,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": MAX_PER_SESSION}),
        error_messages={
            "min_value": _("A count cannot be negative."),
            "max_value": _("No session helps more than %(limit_value)s people: check the number."),
            "invalid": _("Type a whole number."),
        },
    )


class FieldErrors(ErrorList):
    """A field's errors that print nothing, without rendering a template, when there are none:
    the log form prints one list per field (the month's form one per field and row), all empty
    on the form as it opens, and each template rendered cost the opening (issue 26)."""

    def render(self, *args, **kwargs):
        return super().render(*args, **kwargs) if self.data else ""

    __str__ = __html__ = render


def _read_choices_once(field):
    """The choices of a model field to render, read by one plain SELECT. Left to themselves they
    are read through a server-side cursor (three round trips) each time they are rendered, and a
    <select> is read twice (its first option decides `required`): a quarter of the round trips of
    opening the leader's form (issue 26). Checking a posted value still asks the queryset."""
    choice = field.iterator(field).choice
    field.choices = [choice(instance) for instance in field.queryset]


class AssistanceLogForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    held_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Type the date as dd/mm/yyyy.")},
    )
    village = forms.ModelChoiceField(
        label=_("Village"),
        queryset=Village.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": OUTSIDE_SCOPE_MESSAGE},
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Members present"),
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Only members of this team can be ticked as present.")},
    )
    citizens_helped = count_field(_("Citizens helped"), required=True)
    women_helped = count_field(_("of whom women"))
    over_60_helped = count_field(_("of whom over 60"))
    services = forms.ModelMultipleChoiceField(
        label=_("Services"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": OUTSIDE_SCOPE_MESSAGE,
            "required": _("Tick at least one service the session helped with."),
        },
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, team, log=None, submission_key=None, **kwargs):
        self.team, self.log, self.submission_key = team, log, submission_key
        super().__init__(*args, **kwargs)
        self.error_class = FieldErrors  # after init: a formset hands every form Django's own
        province_id = team.commune.province_id
        self.fields["village"].queryset = Village.objects.filter(commune_id=team.commune_id)
        self.fields["attendees"].queryset = team.members.current()
        self.fields["services"].queryset = Service.objects.for_province(province_id)
        self.outcome_types = list(OutcomeType.objects.for_province(province_id).select_related("service"))
        for outcome in self.outcome_types:
            self.fields[self.outcome_field(outcome)] = count_field(outcome.name)
        if not self.is_bound:
            self.initial.update(self._initial_values())
            for name in ("village", "attendees", "services"):
                _read_choices_once(self.fields[name])

    @staticmethod
    def outcome_field(outcome):
        return f"outcome_{outcome.pk}"

    def outcome_fields(self):
        return [self[self.outcome_field(outcome)] for outcome in self.outcome_types]

    def _initial_values(self):
        if self.log is None:
            return {
                "submission_key": self.submission_key or uuid.uuid4(),
                "held_on": timezone.localdate(),
                "village": self.team.village_id
                or self.fields["village"].queryset.values_list("pk", flat=True).first(),
                # Nobody is ticked: a leader who saves in a hurry must not record absent members
                # as present (and so as having helped).
                "attendees": [],
            }
        log = self.log
        values = {
            "held_on": log.held_on,
            "village": log.village_id,
            "attendees": list(log.attendees.values_list("pk", flat=True)),
            "citizens_helped": log.citizens_helped,
            "women_helped": log.women_helped,
            "over_60_helped": log.over_60_helped,
            "services": list(log.services.values_list("pk", flat=True)),
            "note": log.note,
        }
        for outcome in log.outcomes.all():
            values[f"outcome_{outcome.outcome_type_id}"] = outcome.count
        return values

    def clean_held_on(self):
        day = self.cleaned_data["held_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        founded = self.team.decision_date or self.team.founded_on
        if founded and day < founded:
            raise forms.ValidationError(
                _("The team was founded on %(date)s: a session cannot be before that.")
                % {"date": founded.strftime("%d/%m/%Y")}
            )
        if self.team.dissolved_on and day > self.team.dissolved_on:
            raise forms.ValidationError(_("The team was dissolved before this date."))
        return day

    def clean(self):
        cleaned = super().clean()
        citizens = cleaned.get("citizens_helped")
        if citizens is not None:
            for name in ("women_helped", "over_60_helped"):
                part = cleaned.get(name)
                if part is not None and part > citizens:
                    self.add_error(
                        name, _("This cannot be more than the citizens helped (%(n)s).") % {"n": citizens}
                    )
            self._check_outcomes(citizens, cleaned.get("services"))
        return cleaned

    def _check_outcomes(self, citizens, services):
        """Each outcome happened to a citizen helped, under a service the session gave.

        "5 citizens helped, 50 VNeID accounts activated, no service" is a typing slip that
        would otherwise swell every total above it.
        """
        ticked = {service.pk for service in services or ()}
        for outcome in self.outcome_types:
            name = self.outcome_field(outcome)
            count = self.cleaned_data.get(name)
            if not count:
                continue
            if count > citizens:
                self.add_error(
                    name, _("This cannot be more than the citizens helped (%(n)s).") % {"n": citizens}
                )
            elif services is not None and outcome.service_id and outcome.service_id not in ticked:
                self.add_error(
                    name,
                    _("Tick the service “%(service)s” too, or clear this count.")
                    % {"service": outcome.service.name},
                )

    def outcome_counts(self):
        """{outcome type id: count} for the counts typed (zeros and blanks left out)."""
        counts = {}
        for outcome in self.outcome_types:
            value = self.cleaned_data.get(self.outcome_field(outcome))
            if value:
                counts[outcome.pk] = value
        return counts


class MonthRowForm(AssistanceLogForm):
    """One row of the month at once: one session from a paper tally, checked as the single form.

    Who was present and a note are left for a later correction: a tally on paper rarely has them,
    and ten rows of checkboxes would not fit a phone. The date starts empty (each row is its own
    day); a row where nothing was typed is left out rather than refused.
    """

    TYPED = ("held_on", "citizens_helped", "women_helped", "over_60_helped", "services")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["attendees"], self.fields["note"]
        self.initial.pop("held_on", None)
        self.initial.pop("attendees", None)

    def has_changed(self):
        typed = [*self.TYPED, *(self.outcome_field(outcome) for outcome in self.outcome_types)]
        return any(self[name].value() not in (None, "", []) for name in typed)


class BaseMonthFormSet(forms.BaseFormSet):
    def clean(self):
        if not any(form.has_changed() for form in self.forms):
            raise forms.ValidationError(
                _("Type at least one session: a date, the citizens helped and a service.")
            )


MONTH_ROWS, MONTH_MAX_ROWS = 8, 31  # a month has at most 31 days; a row per date


def month_formset(rows=MONTH_ROWS):
    """The formset class with `rows` empty rows (a posted page brings its own count)."""
    return forms.formset_factory(
        MonthRowForm,
        formset=BaseMonthFormSet,
        extra=max(1, min(rows, MONTH_MAX_ROWS)),
        max_num=MONTH_MAX_ROWS,
        absolute_max=MONTH_MAX_ROWS,
        validate_max=True,
    )
