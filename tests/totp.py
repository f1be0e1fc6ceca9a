"""The one way tests compute an authenticator app's code.

A code is valid for its 30-second step. One made in the last seconds of a step may reach the
server in the next step and be refused, so `totp_code` waits for the next step instead: a step
boundary can never fall between making a code and posting it. Under a frozen clock (time_machine
with tick=False) no boundary can fall at all, so it never waits there.
"""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

STEP = 30
# Long enough for a browser under load to type and submit the code.
MARGIN = 8


def totp_code(secret):
    now = time.time()
    left = STEP - now % STEP
    if left < MARGIN and not clock_is_frozen():
        time.sleep(left)
        now = time.time()
    return format_hotp_value(hotp_value(secret, int(now) // STEP))


def clock_is_frozen():
    before = time.time()
    time.sleep(0.001)
    return time.time() == before
