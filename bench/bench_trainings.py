"""A province-wide training campaign: 2,000 sessions, 100,000 registrations, their reminders.

Times scheduling every reminder, moving 500 sessions (clear, change notice, new reminders) and
cancelling 100, then sends what is due the day before the first sessions through a real Celery
worker, the real `twilio` client and the fake Twilio (tests/fake_twilio.py), as bench_outbox does.
Then counts what must be zero: a reminder live twice for the same person and lead time, a
reminder live for a cancelled session or for a moved session's old time, and at the fake, a text
received twice or a reminder received for a cancelled session.

The sending needs PostgreSQL (DATABASE_URL: the worker reads the benchmark database) and Redis
(REDIS_URL or CELERY_BROKER_URL, the broker); without them it says so and skips only that part.
"""

import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta

from django.db.models import Count
from django.utils import timezone

SESSIONS, PER_SESSION, MOVED, CANCELLED, DAYS = 2000, 50, 500, 100, 20
LIVE = ["scheduled", "queued", "sent", "delivered"]


def _campaign():
    from places.models import Commune, Province
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


def _send_due(report, moment, broker):
    """Send what is due at `moment` through a worker and the fake Twilio; returns the fake.

    The worker runs on the real clock, so the clock is brought forward the other way: every text
    due by `moment` is made due now. The rate counts from the first text the fake receives, so the
    worker's start-up is not in it.
    """
    from messaging.models import Message, State
    from tests.celery_worker import Worker, clear_broker, wait_until
    from tests.fake_twilio import FakeTwilio
    from trainings.models import SessionMessage

    due = Message.objects.filter(state=State.SCHEDULED, due_at__lte=moment)
    expected = due.count()
    reminders = SessionMessage.objects.filter(kind="reminder", message__in=due).count()
    due.update(due_at=timezone.now())
    clear_broker(broker)
    fake = FakeTwilio().start()
    with tempfile.TemporaryDirectory() as tmp:
        # An hour before anything queued is handed out again keeps this measuring sending, not
        # the recovery path. (A first run with production's 300 s, before the dispatcher capped
        # what is in flight, re-handed the 35,000-text backlog on every beat: about 10 msg/s.)
        worker = Worker(broker, fake, tmp, extra_env={"SMS_REQUEUE_AFTER": "3600"}).start()
        try:
            wait_until(lambda: fake.accepted, timeout=120, interval=0.05)
            begin, already = time.perf_counter(), len(fake.accepted)
            done = wait_until(
                lambda: Message.objects.filter(state=State.SENT).count() == expected,
                timeout=1800,
                interval=0.5,
            )
            elapsed = time.perf_counter() - begin
        finally:
            worker.stop()
            fake.stop()
    report(
        "texts due (reminders / change and cancellation notices)", f"{reminders:,} / {expected - reminders:,}"
    )
    report("texts received by the fake Twilio", f"{len(fake.accepted):,}")
    report(
        "sent per second: one worker, twilio client, fake Twilio",
        f"{(expected - already) / elapsed:.0f}" if done else "timeout",
        "msg/s",
    )
    return fake


def run(report):
    from django.db import connection

    from bench.__main__ import redis_url
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

    broker = redis_url()
    fake = None
    if connection.vendor == "postgresql" and broker:
        # The day before the first day's sessions, just after their day-before reminders fell due.
        first_day = min(s.starts_at for s in TrainingSession.objects.filter(status="scheduled"))
        fake = _send_due(report, first_day - timedelta(hours=24) + timedelta(hours=1, minutes=1), broker)
    else:
        report("sending", "skipped", "(need DATABASE_URL=postgres://… and REDIS_URL)")

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
    if fake:
        received = Counter((m["to"], m["body"]) for m in fake.accepted)
        report("texts the fake Twilio received twice", sum(n - 1 for n in received.values() if n > 1))
        sids = {m["sid"] for m in fake.accepted}
        cancelled = SessionMessage.objects.filter(
            kind="reminder", registration__session__status=TrainingSession.Status.CANCELLED
        ).values_list("message__provider_message_id", flat=True)
        report("reminders the fake Twilio received for cancelled sessions", len(sids.intersection(cancelled)))
