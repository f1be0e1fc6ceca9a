"""Whether this session passed a second factor, read from allauth's record of the sign-in.

allauth logs every authentication step of a session (password, code, mfa…) under
`account_authentication_methods`. Having an authenticator enrolled proves nothing about the
session in hand (an invitation link or a bug elsewhere could start one without it); an "mfa"
step in that log does, whichever way the session began.
"""

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY, get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.views import ActivateTOTPView

SECOND_FACTOR = "mfa"


def passed_second_factor(request):
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == SECOND_FACTOR for record in records)


def forget_second_factor(request):
    """Drop this session's second-factor steps (its authenticator was removed)."""
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY)
    if isinstance(records, list):
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            record for record in records if record.get("method") != SECOND_FACTOR
        ]


class EnrolAuthenticatorView(ActivateTOTPView):
    """allauth's enrolment page; the code typed to enrol counts as this session's second factor.

    allauth records nothing on enrolment, so without this a newly enrolled officer would be asked
    for a second code straight away.
    """

    def form_valid(self, form):
        response = super().form_valid(form)
        user = self.request.user
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        record_authentication(self.request, user, SECOND_FACTOR, id=totp.pk, type=totp.type)
        return response


enrol_authenticator = EnrolAuthenticatorView.as_view()
