"""The one way tests compute an authenticator app's code.

A code is valid for its 30-second step. One made in the last seconds of a step may reach the
server in the next step and be refused, so `totp_code` waits for the next step instead: a step
boundary can never fall between making a code and posting it. Under a frozen clock (time_machine
with tick=False) no boundary can fall at all, so it never waits there.

The wait is as short as the code's trip allows: every wait of a step's last 8 seconds cost a
sign-in through the test client 4 s on average, where its post takes milliseconds.
"""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

STEP = 30
# A post through Django's test client, on a machine under load.
POSTED = 2
# A browser under load typing and submitting the code.
TYPED_IN_A_BROWSER = 8


def totp_code(secret, margin=POSTED):
    now = time.time()
    left = STEP - now % STEP
    if left < margin and not clock_is_frozen():
        time.sleep(left)
        now = time.time()
    return format_hotp_value(hotp_value(secret, int(now) // STEP))


def clock_is_frozen():
    before = time.time()
    time.sleep(0.001)
    return time.time() == before
