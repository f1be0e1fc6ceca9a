"""Messages per second per provider account, shared by every worker through the cache.

Providers throttle an account (Twilio answers 429 beyond its rate); staying under the limit
ourselves avoids burning retries. With Redis as the cache every worker counts in one place.
"""

import time

from django.conf import settings
from django.core.cache import cache


def wait_for_slot(account):
    """Block until `account` may send one more message in the current second."""
    limit = settings.SMS_RATE_PER_SECOND
    if not limit:
        return
    while True:
        now = time.time()
        key = f"sms-rate:{account}:{int(now)}"
        cache.add(key, 0, timeout=5)
        if cache.incr(key) <= limit:
            return
        time.sleep(max(0.0, 1 - (now % 1)) + 0.001)
