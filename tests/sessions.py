"""Sessions for tests whose story starts after sign-in.

The sign-in itself is walked through the real pages in test_sign_in.py and
test_sign_in_paths.py. Elsewhere `client.force_login` (conftest) and the browser helper stand for
a completed sign-in: for a user with an authenticator app that includes the code from it, which
allauth records in the session and accounts.middleware demands of staff in every session.
"""

import time

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.test import Client

# Where allauth keeps whose steps the record holds (allauth.account.internal.flows.login).
AUTHENTICATED_USER_SESSION_KEY = "account_authentication_methods_user"


def record_completed_sign_in(session, user):
    """Write into `session` allauth's record of a sign-in with password and, if enrolled, TOTP."""
    records = [{"method": "password", "at": time.time(), "email": user.email}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": time.time(), "id": totp.pk, "type": totp.type})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[AUTHENTICATED_USER_SESSION_KEY] = str(user.pk)


class SignedInClient(Client):
    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        session = self.session
        record_completed_sign_in(session, user)
        session.save()


def tasks_run_as_requests_end(client, capture_on_commit_callbacks):
    """`client`, whose tasks queued on commit run as each request ends, as a worker would run them
    (no broker in tests). `capture_on_commit_callbacks` is pytest-django's fixture of that name."""
    original = client.request

    def request(**kwargs):
        with capture_on_commit_callbacks(execute=True):
            return original(**kwargs)

    client.request = request
    return client
