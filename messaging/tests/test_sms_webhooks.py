"""Twilio's delivery reports and inbound texts: signed requests count, forged ones change nothing."""

import pytest
from django.urls import reverse
from twilio.request_validator import RequestValidator

from messaging.models import Message, MutedNumber, Purpose, State
from messaging.outbox import is_muted, queue_sms
from tests.fake_twilio import AUTH_TOKEN

pytestmark = pytest.mark.django_db
PHONE = "+84912345678"


@pytest.fixture(autouse=True)
def twilio_token(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.SITE_URL = "https://totechso.example.vn"


def post_signed(client, name, data, token=AUTH_TOKEN):
    path = reverse(f"messaging:{name}")
    signature = RequestValidator(token).compute_signature("https://totechso.example.vn" + path, data)
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


@pytest.fixture
def sent_message():
    message = queue_sms(PHONE, "Thông báo", purpose=Purpose.NOTICE, idempotency_key="k")
    Message.objects.filter(pk=message.pk).update(state=State.SENT, provider_message_id="SM123")
    return message


def test_a_signed_delivery_report_marks_the_message_delivered(client, sent_message):
    response = post_signed(client, "twilio-status", {"MessageSid": "SM123", "MessageStatus": "delivered"})
    assert response.status_code == 204
    sent_message.refresh_from_db()
    assert sent_message.state == State.DELIVERED
    assert "MessageStatus=delivered" in sent_message.events.last().provider_answer


def test_a_late_sent_report_does_not_undo_delivered(client, sent_message):
    post_signed(client, "twilio-status", {"MessageSid": "SM123", "MessageStatus": "delivered"})
    post_signed(client, "twilio-status", {"MessageSid": "SM123", "MessageStatus": "undelivered"})
    assert Message.objects.get(pk=sent_message.pk).state == State.DELIVERED


@pytest.mark.parametrize("signature", [None, "forged", "wrong-token"])
def test_a_forged_delivery_report_gets_403_and_changes_nothing(client, sent_message, signature):
    data = {"MessageSid": "SM123", "MessageStatus": "undelivered"}
    path = reverse("messaging:twilio-status")
    if signature == "wrong-token":
        response = post_signed(client, "twilio-status", data, token="not-the-token")
    else:
        headers = {"HTTP_X_TWILIO_SIGNATURE": signature} if signature else {}
        response = client.post(path, data, **headers)
    assert response.status_code == 403
    sent_message.refresh_from_db()
    assert sent_message.state == State.SENT
    assert sent_message.events.count() == 1


@pytest.mark.parametrize("word", ["STOP", "huy", "Từ chối", "DỪNG"])
def test_an_inbound_opt_out_word_mutes_the_number(client, word):
    response = post_signed(client, "twilio-inbound", {"MessageSid": "SM1", "From": PHONE, "Body": word})
    assert response.status_code == 200
    assert is_muted(PHONE)


def test_start_unmutes_and_a_forged_stop_does_nothing(client):
    post_signed(client, "twilio-inbound", {"MessageSid": "SM1", "From": PHONE, "Body": "HUY"})
    post_signed(client, "twilio-inbound", {"MessageSid": "SM2", "From": PHONE, "Body": "Bắt đầu"})
    assert not is_muted(PHONE)
    response = client.post(reverse("messaging:twilio-inbound"), {"From": PHONE, "Body": "STOP"})
    assert response.status_code == 403
    assert not MutedNumber.objects.exists()


def test_a_replayed_start_does_not_undo_a_later_stop(client):
    """Each MessageSid is acted on once: the signature is valid for ever, so an old request
    sent again (by an attacker who saw it, or by Twilio retrying) must change nothing."""
    start = {"MessageSid": "SM-start", "From": PHONE, "Body": "START"}
    post_signed(client, "twilio-inbound", {"MessageSid": "SM-stop-1", "From": PHONE, "Body": "STOP"})
    post_signed(client, "twilio-inbound", start)
    assert not is_muted(PHONE)
    post_signed(client, "twilio-inbound", {"MessageSid": "SM-stop-2", "From": PHONE, "Body": "STOP"})
    replayed = post_signed(client, "twilio-inbound", start)
    assert replayed.status_code == 200  # Twilio is answered, so it stops retrying
    assert is_muted(PHONE)


def test_an_inbound_text_without_a_message_sid_changes_nothing(client):
    post_signed(client, "twilio-inbound", {"From": PHONE, "Body": "STOP"})
    assert not is_muted(PHONE)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("twilio-status", {"MessageSid": "SM123", "MessageStatus": "undelivered"}),
        ("twilio-inbound", {"MessageSid": "SM999", "From": PHONE, "Body": "STOP"}),
    ],
)
def test_with_no_auth_token_configured_every_webhook_request_is_refused(
    client, settings, sent_message, name, data
):
    """The console default leaves TWILIO_AUTH_TOKEN empty: a signature made with the empty token
    (anyone can compute it) must not pass."""
    settings.TWILIO_AUTH_TOKEN = ""
    assert post_signed(client, name, data, token="").status_code == 403
    assert client.post(reverse(f"messaging:{name}"), data).status_code == 403
    sent_message.refresh_from_db()
    assert (sent_message.state, sent_message.events.count()) == (State.SENT, 1)
    assert not MutedNumber.objects.exists()
