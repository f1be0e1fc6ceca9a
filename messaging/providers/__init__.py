"""SMS providers behind one interface, chosen by the SMS_PROVIDER setting.

A provider's `send(recipient, body, *, status_callback)` returns a `Sent` or raises
`TransientError` (try again later: 429, 5xx, time-outs) or `PermanentError` (never retry this
message: an invalid number, a landline, an opted-out recipient).
"""

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.conf import settings
from django.utils.module_loading import import_string

PROVIDERS = {
    "console": "messaging.providers.console.ConsoleProvider",
    "twilio": "messaging.providers.twilio.TwilioProvider",
}


@dataclass(frozen=True)
class Sent:
    message_id: str
    status: str  # the provider's own word: "queued", "sent"…
    answer: str  # what the provider said, kept in the message history


class ProviderError(Exception):
    def __init__(self, answer: str, code: object = "") -> None:
        super().__init__(answer)
        self.answer = answer
        self.code = str(code or "")


class TransientError(ProviderError):
    """Try again later."""


class PermanentError(ProviderError):
    """This message cannot be sent; `mutes` when the recipient opted out at the provider."""

    def __init__(self, answer: str, code: object = "", *, mutes: bool = False) -> None:
        super().__init__(answer, code)
        self.mutes = mutes


class Provider:
    name = ""

    @property
    def account(self) -> str:
        """What the per-second rate limit counts against."""
        return self.name

    def send(self, recipient: str, body: str, *, status_callback: str | None = None) -> Sent:
        raise NotImplementedError

    def lookup(self, recipient: str, body: str | None, *, since: datetime) -> Sent | Literal[False] | None:
        """After a lost answer: the `Sent` if the provider has this text, False if it surely
        has not, None if it cannot tell (then the message is not resent)."""
        return None


def get_provider(name: str | None = None) -> Provider:
    provider: Provider = import_string(PROVIDERS[name or settings.SMS_PROVIDER])()
    return provider


_shared: dict[tuple[object, ...], Provider] = {}
_shared_lock = threading.Lock()


def shared_provider() -> Provider:
    """The provider of this process, made once: its HTTP connections stay open from one batch
    to the next instead of being opened again for every task. Made again when the settings it
    was made from change (tests point it at a new fake Twilio)."""
    key = (
        settings.SMS_PROVIDER,
        settings.TWILIO_ACCOUNT_SID,
        settings.TWILIO_AUTH_TOKEN,
        settings.TWILIO_API_BASE_URL,
        settings.TWILIO_TIMEOUT,
    )
    with _shared_lock:
        if key not in _shared:
            _shared.clear()
            _shared[key] = get_provider()
        return _shared[key]
