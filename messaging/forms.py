"""The two fields every phone proof asks for, whoever asks (a door's proof, a training's sign-up):
a Vietnamese mobile number, stored +84, and the texted code."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vietnamese.phones import InvalidPhone, normalize_phone


class PhoneField(forms.CharField):
    """A mobile number as people type it (spaces, dots, 0 or +84, any script's digits), cleaned to +84…."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Your mobile number"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "inputmode": "tel",
                    "autocomplete": "tel",
                    "type": "tel",
                    "placeholder": "0912 345 678",
                }
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        try:
            return normalize_phone(super().clean(value))
        except InvalidPhone:
            raise forms.ValidationError(
                _("This is not a Vietnamese mobile number: type 10 digits, e.g. 0912 345 678.")
            ) from None


class PhoneForm(forms.Form):
    phone = PhoneField()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code in the text message"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
