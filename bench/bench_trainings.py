"""A province-wide training campaign: 2,000 sessions, 100,000 registrations, their reminders.

Times scheduling every reminder, moving 500 sessions (clear, change notice, new reminders),
and sending due reminders through the dispatcher and the console provider (the fake Twilio
harness is not on this branch; console output goes to /dev/null so the terminal is not timed).
Then counts what must be zero: a reminder live twice for the same person and lead time, and a
reminder live for a cancelled session or for a moved session's old time.
"""

import contextlib
import os
import time
from collections import Counter
from datetime import datetime, timedelta
from unittest import mock

from django.conf import settings
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

SESSIONS, PER_SESSION, MOVED, CANCELLED, DAYS = 2000, 50, 500, 100, 20
LIVE = ["scheduled", "queued", "sent", "delivered"]


def _campaign():
    from teams.models import Commune, Province
    from trainings.models import Course, Registration, TrainingSession

    province = Province.objects.create(code="99", name="Tỉnh Đo Hiệu Năng", kind=Province.Kind.PROVINCE)
    communes = [
        Commune(code=f"99{n:03d}", province=province, name=f"Xã Số {n}", name_key=f"xa so {n}", kind="xa")
        for n in range(100)
    ]
    Commune.objects.bulk_create(communes)
    course = Course.objects.create(title_vi="Nhận biết lừa đảo trên mạng", title_en="Spotting online scams")
    tomorrow = timezone.localdate() + timedelta(days=2)
    sessions = TrainingSession.objects.bulk_create(
        TrainingSession(
            course=course,
            audience="citizens",
            commune=communes[n % 100],
            address=f"Nhà văn hoá số {n}",
            starts_at=timezone.make_aware(
                datetime.combine(tomorrow + timedelta(days=n % DAYS), datetime.min.time())
            )
            + timedelta(hours=14),
            ends_at=timezone.make_aware(
                datetime.combine(tomorrow + timedelta(days=n % DAYS), datetime.min.time())
            )
            + timedelta(hours=16),
            trainer="Cán bộ",
            capacity=PER_SESSION,
        )
        for n in range(SESSIONS)
    )
    now = timezone.now()
    Registration.objects.bulk_create(
        (
            Registration(
                session=session,
                full_name=f"Người {s}-{p}",
                phone=f"+8491{s * PER_SESSION + p:07d}",
                language="vi" if p % 5 else "en",
                queued_at=now,
                consent_at=now,
            )
            for s, session in enumerate(sessions)
            for p in range(PER_SESSION)
        ),
        batch_size=5000,
    )
    return sessions


def _schedule_all():
    from trainings.models import Registration
    from trainings.reminders import schedule_reminders

    registrations = Registration.objects.select_related(
        "session__course", "session__commune", "session__village"
    )
    last = 0
    while True:
        chunk = list(registrations.filter(pk__gt=last).order_by("pk")[:5000])
        if not chunk:
            return
        schedule_reminders(chunk)
        last = chunk[-1].pk


def _move(sessions):
    from trainings.changes import announce_move

    for session in sessions:
        session.starts_at += timedelta(hours=1)
        session.ends_at += timedelta(hours=1)
        session.save(update_fields=["starts_at", "ends_at", "updated_at"])
        announce_move(session)


def _send_due(moment):
    """Run the dispatcher at `moment` (a frozen clock) until nothing is due; returns (sent, seconds)."""
    from messaging.dispatch import dispatch_due
    from messaging.models import Message

    before = Message.objects.filter(state="sent").count()
    with (
        mock.patch.object(timezone, "now", lambda: moment),
        open(os.devnull, "w") as sink,
        contextlib.redirect_stdout(sink),
        override_settings(SMS_RATE_PER_SECOND=0),
    ):
        start = time.perf_counter()
        while dispatch_due():
            pass
        seconds = time.perf_counter() - start
    return Message.objects.filter(state="sent").count() - before, seconds


def run(report):
    from messaging.models import Message
    from trainings.changes import cancel
    from trainings.models import SessionMessage, TrainingSession
    from trainings.reminders import message_key

    sessions = _campaign()
    report("sessions / registrations", f"{SESSIONS:,} / {SESSIONS * PER_SESSION:,}")

    start = time.perf_counter()
    _schedule_all()
    report("schedule every reminder", f"{time.perf_counter() - start:.1f}", "s")
    report("reminders queued", f"{SessionMessage.objects.filter(kind='reminder').count():,}")

    start = time.perf_counter()
    _move(sessions[:MOVED])
    report(f"move {MOVED} sessions (clear, notify, re-schedule)", f"{time.perf_counter() - start:.1f}", "s")

    start = time.perf_counter()
    for session in sessions[MOVED : MOVED + CANCELLED]:
        cancel(session)
    report(f"cancel {CANCELLED} sessions", f"{time.perf_counter() - start:.1f}", "s")

    if settings.CELERY_TASK_ALWAYS_EAGER:
        # The day before the first day's sessions, just after their day-before reminders fell due.
        first_day = min(s.starts_at for s in TrainingSession.objects.filter(status="scheduled"))
        sent, seconds = _send_due(first_day - timedelta(hours=24) + timedelta(hours=1, minutes=1))
        report("reminders and notices sent (console provider)", f"{sent:,}")
        report("sent per second, dispatcher + console provider", f"{sent / seconds:.0f}", "msg/s")
    else:
        report("sending skipped: a broker is set, run without CELERY_BROKER_URL", "-")

    live = SessionMessage.objects.filter(kind="reminder", message__state__in=LIVE)
    groups = live.values("registration_id", "offset_minutes").annotate(n=Count("pk")).filter(n__gt=1)
    report("duplicate reminders (same person and lead time, live twice)", sum(g["n"] - 1 for g in groups))
    report(
        "reminders live for cancelled sessions",
        live.filter(registration__session__status=TrainingSession.Status.CANCELLED).count(),
    )
    stale = Counter()
    for link in live.filter(registration__session__in=sessions[:MOVED]).select_related(
        "registration__session", "message"
    ):
        expected = message_key(link.registration, link.registration.session, "reminder", link.offset_minutes)
        stale[link.message.idempotency_key != expected] += 1
    report("reminders live for a moved session's old time", stale[True])
    report("messages in the outbox", f"{Message.objects.count():,}")
