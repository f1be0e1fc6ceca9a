"""The SMS outbox: scheduling 100,000 messages, sending to the fake Twilio with one and two
workers, and duplicates/losses after a worker is killed mid-batch (must both be zero).

Needs PostgreSQL (DATABASE_URL: the worker processes read the benchmark database) and Redis
(REDIS_URL, used as the broker); says so and measures only the scheduling otherwise.
"""

import tempfile
import time
from collections import Counter

SCHEDULED = 100_000
SENT = 2_000
KILLED = 1_000


def _items(count, prefix):
    from messaging.models import Purpose

    return [
        {
            "recipient_phone": f"+849{10_000_000 + n:08d}",
            "body": f"Nhắc lịch tập huấn {prefix} số {n}",  # distinct per run: never a duplicate
            "purpose": Purpose.REMINDER,
            "idempotency_key": f"{prefix}-{n}",
        }
        for n in range(count)
    ]


def _reset():
    from messaging.models import ConsentRecord, Message, MessageEvent

    MessageEvent.objects.all().delete()
    Message.objects.all().delete()
    ConsentRecord.objects.all().delete()


def _send_rate(report, workers, broker, tmp, label):
    from messaging.models import Message, State
    from messaging.outbox import queue_many
    from tests.celery_worker import Worker, clear_broker, wait_until
    from tests.fake_twilio import FakeTwilio

    _reset()
    clear_broker(broker)
    fake = FakeTwilio().start()
    started = [
        Worker(broker, fake, tmp, concurrency=1, beat=(n == 0), extra_env={"SMS_BATCH_SIZE": "50"}).start()
        for n in range(workers)
    ]
    try:
        queue_many(_items(1, f"warm-{workers}"))
        wait_until(lambda: Message.objects.filter(state=State.SENT).count() == 1, timeout=120)
        begin = time.perf_counter()
        queue_many(_items(SENT, f"rate-{workers}"))
        done = wait_until(
            lambda: Message.objects.filter(state=State.SENT).count() == SENT + 1, timeout=600, interval=0.1
        )
        elapsed = time.perf_counter() - begin
        report(
            f"messages/s to the fake Twilio, {label} ({SENT} messages)",
            f"{SENT / elapsed:.0f}" if done else "timeout",
            "msg/s",
        )
    finally:
        for worker in started:
            worker.stop()
        fake.stop()


def _after_kill(report, broker, tmp):
    from messaging.models import Message, State
    from messaging.outbox import queue_many
    from tests.celery_worker import Worker, clear_broker, wait_until
    from tests.fake_twilio import FakeTwilio

    _reset()
    clear_broker(broker)
    fake = FakeTwilio().start()
    fake.delay = 0.005
    queue_many(_items(KILLED, "kill"))
    first = Worker(broker, fake, tmp, concurrency=2).start()
    wait_until(lambda: len(fake.accepted) >= KILLED // 3, timeout=300, interval=0.05)
    first.kill()
    report("sent when the worker was killed (SIGKILL)", len(fake.accepted), "messages")
    second = Worker(broker, fake, tmp, concurrency=2).start()
    try:
        wait_until(lambda: Message.objects.filter(state=State.SENT).count() == KILLED, timeout=600)
        counts = Counter(m["body"] for m in fake.accepted)
        expected = set(Message.objects.values_list("body", flat=True))
        report("duplicates after a forced kill", sum(n - 1 for n in counts.values() if n > 1), "messages")
        report("losses after a forced kill", len(expected - set(counts)), "messages")
    finally:
        second.stop()
        fake.stop()


def run(report):
    from django.db import connection

    from bench.__main__ import redis_url, timed
    from messaging.outbox import queue_many

    _reset()
    items = _items(SCHEDULED, "schedule")
    seconds, _ = timed(lambda: queue_many(items))
    report(f"time to schedule {SCHEDULED:,} messages (queue_many)", f"{seconds:.1f}", "s")
    again, _ = timed(lambda: queue_many(items))
    report("the same 100,000 again (all keys known: nothing created)", f"{again:.1f}", "s")

    broker = redis_url()
    if connection.vendor != "postgresql" or not broker:
        report("sending benchmarks", "skipped", "(need DATABASE_URL=postgres://… and REDIS_URL)")
        return
    from django.conf import settings

    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    with tempfile.TemporaryDirectory() as tmp:
        _send_rate(report, 1, broker, tmp, "one worker")
        _send_rate(report, 2, broker, tmp, "two workers")
        _after_kill(report, broker, tmp)
