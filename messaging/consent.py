"""Consent per purpose and opt-outs by keyword.

A number that texts STOP, HUY, TU CHOI or DUNG is muted: it receives nothing but sign-in codes
its holder asks for. START or BAT DAU unmutes it. Consent for each purpose is an append-only
history (time and method); the latest record counts.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from messaging.models import ConsentMethod, ConsentRecord, MutedNumber, Purpose
from messaging.signals import number_muted, number_unmuted
from vietnamese.phones import normalize_phone
from vietnamese.text import search_key

if TYPE_CHECKING:
    # The user model (AUTH_USER_MODEL, in accounts above us), as the django-stubs plugin resolves it.
    from django.contrib.auth.models import _User

OPT_OUT_WORDS = {"stop", "huy", "tu choi", "dung"}
OPT_IN_WORDS = {"start", "bat dau"}


def record_consent(
    phone: str,
    purpose: str,
    method: str,
    *,
    granted: bool = True,
    note: str = "",
    recorded_by: "_User | None" = None,
    recorded_at: datetime | None = None,
) -> ConsentRecord:
    """`recorded_at`: when consent was given (the date on a paper form), now by default;
    `recorded_by`: the officer who wrote it down for the person."""
    return ConsentRecord.objects.create(
        phone=normalize_phone(phone),
        purpose=Purpose(purpose),
        method=ConsentMethod(method),
        granted=granted,
        note=note[:255],
        recorded_by=recorded_by,
        recorded_at=recorded_at or timezone.now(),
    )


def has_consent(phone: str, purpose: str) -> bool:
    latest = (
        ConsentRecord.objects.filter(phone=normalize_phone(phone), purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .values_list("granted", flat=True)
        .first()
    )
    return bool(latest)


def is_muted(phone: str) -> bool:
    return MutedNumber.objects.filter(phone=normalize_phone(phone)).exists()


def muted_among(phones: Iterable[str]) -> set[str]:
    return set(MutedNumber.objects.filter(phone__in=phones).values_list("phone", flat=True))


def withdrawn_among(phones: Iterable[str], purposes: Iterable[str]) -> set[tuple[str, str]]:
    """(phone, purpose) pairs whose latest consent record is a withdrawal."""
    latest: dict[tuple[str, str], bool] = {}
    rows = ConsentRecord.objects.filter(phone__in=phones, purpose__in=purposes).order_by("recorded_at", "pk")
    for phone, purpose, granted in rows.values_list("phone", "purpose", "granted"):
        latest[phone, purpose] = granted
    return {pair for pair, granted in latest.items() if not granted}


def keyword_of(text: str) -> str | None:
    """'opt_out', 'opt_in' or None for an inbound text ('Từ chối' and 'TU CHOI' alike)."""
    word = search_key(text)
    if word in OPT_OUT_WORDS:
        return "opt_out"
    if word in OPT_IN_WORDS:
        return "opt_in"
    return None


def mute(
    phone: str,
    reason: str,
    *,
    method: str = ConsentMethod.SMS_KEYWORD,
    recorded_by: "_User | None" = None,
    recorded_at: datetime | None = None,
) -> MutedNumber:
    """Opt the number out of everything but sign-in codes. A STOP text calls this; so does an
    officer writing down an opt-out given on paper, in person or by phone (with `method`, the
    date it was given and who recorded it), so both mute the number the same way."""
    phone = normalize_phone(phone)
    recorded_at = recorded_at or timezone.now()
    with transaction.atomic():
        muted, created = MutedNumber.objects.get_or_create(
            phone=phone, defaults={"reason": reason[:64], "muted_at": recorded_at}
        )
        if created:
            _record_all(
                phone,
                granted=False,
                note=reason,
                method=method,
                recorded_by=recorded_by,
                recorded_at=recorded_at,
            )
            number_muted.send(sender=MutedNumber, phone=phone)
    return muted


def unmute(
    phone: str,
    reason: str,
    *,
    method: str = ConsentMethod.SMS_KEYWORD,
    recorded_by: "_User | None" = None,
    recorded_at: datetime | None = None,
) -> bool:
    phone = normalize_phone(phone)
    recorded_at = recorded_at or timezone.now()
    with transaction.atomic():
        muted = MutedNumber.objects.select_for_update().filter(phone=phone).first()
        if muted is None:
            return False
        # Consent first: a listener (trainings queues the reminders still ahead) must find the
        # number may be texted again.
        _record_all(
            phone, granted=True, note=reason, method=method, recorded_by=recorded_by, recorded_at=recorded_at
        )
        muted.delete()
        number_unmuted.send(sender=MutedNumber, phone=phone)
    return True


def _record_all(
    phone: str,
    *,
    granted: bool,
    note: str,
    method: str,
    recorded_by: "_User | None",
    recorded_at: datetime,
) -> None:
    """An opt-out or opt-in speaks for every purpose but sign-in codes, which the holder asks for each time."""
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            phone=phone,
            purpose=purpose,
            granted=granted,
            method=method,
            note=note[:255],
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )
        for purpose in Purpose
        if purpose != Purpose.SIGN_IN
    )
