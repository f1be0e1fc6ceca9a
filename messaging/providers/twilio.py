"""Twilio through its own client, sending with a Messaging Service or an alphanumeric sender id.

TWILIO_API_BASE_URL points the client elsewhere (the tests' fake Twilio on 127.0.0.1): twilio's
`edge`/`region` cannot name a loopback host, but `client.api.base_url` can.
"""

import json
from datetime import datetime, timedelta
from typing import Literal

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from messaging.providers import PermanentError, Provider, Sent, TransientError

INVALID_NUMBER, NOT_MOBILE, OPTED_OUT = 21211, 21614, 21610
PERMANENT_CODES = {INVALID_NUMBER, NOT_MOBILE, OPTED_OUT}


class TwilioProvider(Provider):
    name = "twilio"

    def __init__(self) -> None:
        http = TwilioHttpClient(timeout=settings.TWILIO_TIMEOUT)
        # One kept-alive connection per sending thread (messaging/sending.py), not one per text.
        adapter = HTTPAdapter(pool_maxsize=max(10, settings.SMS_SEND_THREADS))
        http.session.mount("https://", adapter)
        http.session.mount("http://", adapter)
        self.client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, http_client=http)
        if settings.TWILIO_API_BASE_URL:
            self.client.api.base_url = settings.TWILIO_API_BASE_URL

    @property
    def account(self) -> str:
        return f"twilio:{settings.TWILIO_ACCOUNT_SID}"

    def send(self, recipient: str, body: str, *, status_callback: str | None = None) -> Sent:
        sender = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_SENDER_ID}
        )
        if status_callback:
            sender["status_callback"] = status_callback
        try:
            message = self.client.messages.create(to=recipient, body=body, **sender)
        except TwilioRestException as error:
            answer = json.dumps({"status": error.status, "code": error.code, "message": error.msg})
            if error.code in PERMANENT_CODES:
                raise PermanentError(answer, error.code, mutes=error.code == OPTED_OUT) from None
            if error.status == 429 or error.status >= 500:
                raise TransientError(answer, error.code or error.status) from None
            raise PermanentError(answer, error.code or error.status) from None
        except requests.RequestException as error:
            raise TransientError(f"{type(error).__name__}: no answer from Twilio", "timeout") from None
        answer = json.dumps({"sid": message.sid, "status": message.status})
        return Sent(message_id=message.sid, status=message.status, answer=answer)

    def lookup(self, recipient: str, body: str | None, *, since: datetime) -> Sent | Literal[False] | None:
        # Listing by recipient is how Twilio lets us ask "did you get it?": it has no idempotency key.
        try:
            recent = self.client.messages.list(to=recipient, limit=50)
        except (TwilioRestException, requests.RequestException) as error:
            raise TransientError(f"lookup failed: {type(error).__name__}", "lookup") from None
        margin = timedelta(minutes=1)
        for message in recent:
            if message.body == body and (
                message.date_created is None or message.date_created >= since - margin
            ):
                answer = json.dumps({"sid": message.sid, "status": message.status, "found_by": "lookup"})
                return Sent(message_id=message.sid, status=message.status, answer=answer)
        return False
