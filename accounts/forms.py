"""allauth forms narrowed to how our people sign in."""

from allauth.account.forms import ConfirmLoginCodeForm, RequestLoginCodeForm, VerifyPhoneForm

from accounts.adapter import code_digest


class PhoneLoginCodeForm(RequestLoginCodeForm):
    """Codes go by SMS to a phone: staff sign in with email, password and an authenticator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields["phone"].required = True


class HashedCodeMixin:
    """allauth holds only the digest of the code it sent (accounts.adapter): compare digests."""

    def clean_code(self):
        typed = self.cleaned_data["code"]
        self.cleaned_data["code"] = code_digest(typed)
        super().clean_code()
        return typed


class PhoneConfirmCodeForm(HashedCodeMixin, ConfirmLoginCodeForm):
    """The 6 digits from the SMS: a number pad on phones and the code offered from the SMS."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code", "class": "code", "placeholder": ""}
        )


class HashedVerifyPhoneForm(HashedCodeMixin, VerifyPhoneForm):
    """Confirming a changed phone number with the code texted to it."""
