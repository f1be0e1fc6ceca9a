"""The forum's forms: asking, answering, reporting and a moderator's action with its reason."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.models import TopicPage
from forum.limits import MAX_LENGTH
from forum.masking import mask_numbers
from forum.models import ModerationAction, Organisation
from forum.topics import topics_in
from places.models import Province
from places.names import PlaceNameError, PlaceNames
from places.scopes import Scope


def _at_most():
    return gettext("At most %(limit)s characters.") % {"limit": MAX_LENGTH}


class PostText(forms.CharField):
    """A post's text, refused past MAX_LENGTH with its length, counted as the browser counts it (a
    line end is one character, though the form sends two). No maxlength attribute: the browser
    would cut a pasted text without a word, and the message would then count what was left."""

    def __init__(self, *, rows, **kwargs):
        kwargs.setdefault("help_text", lazy(_at_most, str)())
        super().__init__(widget=forms.Textarea(attrs={"rows": rows}), **kwargs)

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_LENGTH:
            raise ValidationError(
                gettext("Your text is %(length)s characters long; the limit is %(limit)s. Please shorten it.")
                % {"length": len(value), "limit": MAX_LENGTH}
            )


def no_number(name):
    """A name is shown on every list: a phone or ID number typed there is refused, not masked
    ("09xxxxxxxx, Xã Bát Tràng" would name nobody), so the person types their name instead."""
    if mask_numbers(name)[1]:
        raise ValidationError(_("Type only your first name: readers see it, so never a phone or ID number."))


class AskForm(forms.Form):
    topic = forms.ModelChoiceField(queryset=TopicPage.objects.none(), label=_("Topic"))
    title = forms.CharField(label=_("Your question, in one sentence"), max_length=160)
    body = PostText(label=_("Details (optional)"), required=False, rows=5)
    asker_name = forms.CharField(
        label=_("Your first name"),
        max_length=40,
        validators=[no_number],
        help_text=_("Readers see only your first name and commune."),
    )
    province = forms.ModelChoiceField(
        queryset=Province.objects.order_by("name_key"), label=_("Province (optional)"), required=False
    )
    commune = forms.CharField(label=_("Commune or ward (optional)"), max_length=80, required=False)
    text_me = forms.BooleanField(
        label=_("Text me once when an expert or a team leader answers"), required=False, initial=True
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics_in(language)

    def clean(self):
        data = super().clean()
        data["commune_unit"] = None
        if data.get("commune"):
            if not data.get("province"):
                self.add_error("province", _("Choose the province of your commune."))
                return data
            try:
                data["commune_unit"] = PlaceNames(Scope(national=True)).commune(
                    data["commune"], data["province"]
                )
            except PlaceNameError:
                self.add_error("commune", _("No commune of this name in the province you chose."))
        return data


class AnswerForm(forms.Form):
    body = PostText(label=_("Your answer"), rows=6)
    author_name = forms.CharField(
        label=_("Your first name"), max_length=40, required=False, validators=[no_number]
    )

    def __init__(self, *args, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        if staff:  # an expert's or a leader's name comes from their account
            del self.fields["author_name"]


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong with this post?"), max_length=300)


class ModerateForm(forms.Form):
    action = forms.ChoiceField(choices=ModerationAction.Action.choices, label=_("Action"))
    reason = forms.CharField(label=_("Reason (recorded)"), max_length=300)
    text = PostText(label=_("New text (for an edit)"), required=False, rows=3)
    into = forms.IntegerField(
        label=_("Number of the question to keep (for a merge)"),
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        help_text=_("The number in the question's address: /questions/123/"),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("action") == ModerationAction.Action.EDIT
            and not data.get("text")
            and "text" not in self.errors
        ):
            self.add_error("text", _("Type the corrected text."))
        if data.get("action") == ModerationAction.Action.MERGE and not data.get("into"):
            self.add_error("into", _("Type the number of the question to keep."))
        return data


class ExpertForm(forms.Form):
    """Marking a person as an expert: found by the phone number of their account."""

    phone = forms.CharField(
        label=_("Their mobile number"),
        max_length=20,
        help_text=_("The number they sign in with."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[(value, capfirst(label)) for value, label in Organisation.choices],
    )
    organisation = forms.CharField(
        label=_("Organisation, as the badge shows it"),
        max_length=120,
        help_text=_("For example: VNPT Hà Nội, Công an xã Bát Tràng."),
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=TopicPage.objects.none(),
        label=_("Topics"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics_in(language)
