"""Twilio's calls to us: delivery status and inbound texts (opt-out / opt-in keywords).

Both check X-Twilio-Signature with twilio's RequestValidator against the public URL (SITE_URL +
path): a request without a valid signature gets 403 and changes nothing.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator

from messaging import consent
from messaging.models import InboundMessage, Message, State
from messaging.states import move
from vietnamese.phones import InvalidPhone

# Twilio's delivery words and our states; "sent" and "queued" change nothing we track.
STATUS_STATES = {
    "delivered": State.DELIVERED,
    "undelivered": State.UNDELIVERED,
    "failed": State.FAILED,
}
# A later state never goes back to an earlier one (callbacks arrive out of order).
FINAL_STATES = {State.DELIVERED, State.UNDELIVERED, State.FAILED}
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def twilio_signed(view: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    @wraps(view)
    def checked(request: HttpRequest) -> HttpResponse:
        validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
        url = settings.SITE_URL + request.get_full_path()
        signature = request.headers.get("X-Twilio-Signature", "")
        if not settings.TWILIO_AUTH_TOKEN or not validator.validate(url, request.POST, signature):
            return HttpResponseForbidden("invalid signature")
        return view(request)

    return csrf_exempt(require_POST(checked))


@twilio_signed
def status_callback(request: HttpRequest) -> HttpResponse:
    state = STATUS_STATES.get(request.POST.get("MessageStatus", ""))
    sid = request.POST.get("MessageSid", "")
    message = Message.objects.filter(provider_message_id=sid).first() if sid else None
    if state and message and message.state not in FINAL_STATES and message.state != state:
        code = request.POST.get("ErrorCode", "")
        answer = "&".join(f"{key}={request.POST[key]}" for key in sorted(request.POST))
        move(message, state, note="delivery report", provider_answer=answer, error_code=code)
        if code == "21610":
            consent.mute(message.recipient, "provider error 21610")
    return HttpResponse(status=204)


@twilio_signed
def inbound(request: HttpRequest) -> HttpResponse:
    """Acts on each MessageSid once: a signed request can be replayed (or retried by Twilio),
    and an old START acted on again would undo the STOP its sender texted since."""
    sid = request.POST.get("MessageSid", "")
    keyword = consent.keyword_of(request.POST.get("Body", ""))
    with transaction.atomic():
        if not sid or not InboundMessage.objects.get_or_create(sid=sid)[1]:
            return HttpResponse(EMPTY_TWIML, content_type="text/xml")
        try:
            if keyword == "opt_out":
                consent.mute(request.POST.get("From", ""), "texted an opt-out keyword")
            elif keyword == "opt_in":
                consent.unmute(request.POST.get("From", ""), "texted an opt-in keyword")
        except InvalidPhone:
            pass  # a foreign or malformed sender cannot be on our lists
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")
