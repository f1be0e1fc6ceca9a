"""Consent per purpose and opt-outs by keyword.

A number that texts STOP, HUY, TU CHOI or DUNG is muted: it receives nothing but sign-in codes
its holder asks for. START or BAT DAU unmutes it. Consent for each purpose is an append-only
history (time and method); the latest record counts.
"""

from django.db import transaction
from django.utils import timezone

from messaging.models import ConsentMethod, ConsentRecord, MutedNumber, Purpose
from vietnamese.phones import normalize_phone
from vietnamese.text import search_key

OPT_OUT_WORDS = {"stop", "huy", "tu choi", "dung"}
OPT_IN_WORDS = {"start", "bat dau"}


def record_consent(phone, purpose, method, *, granted=True, note=""):
    return ConsentRecord.objects.create(
        phone=normalize_phone(phone),
        purpose=Purpose(purpose),
        method=ConsentMethod(method),
        granted=granted,
        note=note[:255],
    )


def has_consent(phone, purpose):
    latest = (
        ConsentRecord.objects.filter(phone=normalize_phone(phone), purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .values_list("granted", flat=True)
        .first()
    )
    return bool(latest)


def is_muted(phone):
    return MutedNumber.objects.filter(phone=normalize_phone(phone)).exists()


def muted_among(phones):
    return set(MutedNumber.objects.filter(phone__in=phones).values_list("phone", flat=True))


def withdrawn_among(phones, purposes):
    """(phone, purpose) pairs whose latest consent record is a withdrawal."""
    latest = {}
    rows = ConsentRecord.objects.filter(phone__in=phones, purpose__in=purposes).order_by("recorded_at", "pk")
    for phone, purpose, granted in rows.values_list("phone", "purpose", "granted"):
        latest[phone, purpose] = granted
    return {pair for pair, granted in latest.items() if not granted}


def keyword_of(text):
    """'opt_out', 'opt_in' or None for an inbound text ('Từ chối' and 'TU CHOI' alike)."""
    word = search_key(text)
    if word in OPT_OUT_WORDS:
        return "opt_out"
    if word in OPT_IN_WORDS:
        return "opt_in"
    return None


def mute(phone, reason):
    phone = normalize_phone(phone)
    with transaction.atomic():
        muted, created = MutedNumber.objects.get_or_create(
            phone=phone, defaults={"reason": reason[:64], "muted_at": timezone.now()}
        )
        if created:
            _record_all(phone, granted=False, note=reason)
    return muted


def unmute(phone, reason):
    phone = normalize_phone(phone)
    with transaction.atomic():
        muted = MutedNumber.objects.select_for_update().filter(phone=phone).first()
        if muted is None:
            return False
        # Consent before the row goes: a listener for its deletion (trainings queues the reminders
        # still ahead) must find the number may be texted again.
        _record_all(phone, granted=True, note=reason)
        muted.delete()
    return True


def _record_all(phone, *, granted, note):
    """A keyword speaks for every purpose but sign-in codes, which the holder asks for each time."""
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            phone=phone, purpose=purpose, granted=granted, method=ConsentMethod.SMS_KEYWORD, note=note[:255]
        )
        for purpose in Purpose
        if purpose != Purpose.SIGN_IN
    )
