"""allauth forms narrowed to how our people sign in."""

from allauth.account.forms import ConfirmLoginCodeForm, RequestLoginCodeForm


class PhoneLoginCodeForm(RequestLoginCodeForm):
    """Codes go by SMS to a phone: staff sign in with email, password and an authenticator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields["phone"].required = True


class PhoneConfirmCodeForm(ConfirmLoginCodeForm):
    """The 6 digits from the SMS: a number pad on phones and the code offered from the SMS."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code", "class": "code", "placeholder": ""}
        )
