"""The SMS outbox: scheduling 100,000 messages, sending to the fake Twilio with one and two
workers against the code before batched sending (the baseline, run in the same run), the
account's rate limit with two workers, and duplicates/losses after a worker is SIGKILLed while
sending at full rate (must both be zero).

Needs PostgreSQL (DATABASE_URL: the worker processes read the benchmark database) and Redis
(REDIS_URL, used as the broker); says so and measures only the scheduling otherwise. The baseline
workers run from `git archive BASELINE` in a temporary folder (same database, broker and fake).
"""

import os
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench import load_average

SCHEDULED = 100_000
SENT = 3_000
KILLED = 3_000
RATE_LIMIT = 150  # texts a second for the account, below what two workers can send
# main before messaging sent batches through a thread pool (issue 15): one text at a time.
BASELINE = "c507619"
BASELINE_ENV = {"DJANGO_SETTINGS_MODULE": "config.settings_test"}  # its settings were one module


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


def _baseline_root(tmp):
    """The baseline's code in `tmp`, or None when this is not a git checkout that has it."""
    from django.conf import settings

    root = Path(tmp) / "baseline"
    root.mkdir()
    try:
        archive = subprocess.run(  # noqa: S603  (fixed command line)
            ["git", "archive", BASELINE],  # noqa: S607
            cwd=settings.BASE_DIR,
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    subprocess.run(["tar", "-x", "-C", str(root)], input=archive.stdout, check=True)  # noqa: S603, S607
    return root


def _rate(broker, tmp, workers, root=None, extra_env=None, count=SENT):
    """(messages a second, busiest second at the fake) sending `count` with `workers` workers."""
    from messaging.models import Message, State
    from messaging.outbox import queue_many
    from tests.celery_worker import ROOT, Worker, clear_broker, wait_until
    from tests.fake_twilio import FakeTwilio

    _reset()
    clear_broker(broker)
    fake = FakeTwilio().start()
    env = {"SMS_BATCH_SIZE": "50", **(extra_env or {})}
    started = [
        Worker(broker, fake, tmp, concurrency=1, beat=(n == 0), extra_env=env, root=root or ROOT).start()
        for n in range(workers)
    ]
    try:
        queue_many(_items(1, f"warm-{workers}"))
        if not wait_until(lambda: Message.objects.filter(state=State.SENT).count() == 1, timeout=120):
            return None, 0
        begin, machine, own = time.perf_counter(), _machine_ticks(), time.process_time()
        queue_many(_items(count, f"rate-{workers}"))
        done = wait_until(
            lambda: Message.objects.filter(state=State.SENT).count() == count + 1, timeout=900, interval=0.1
        )
        elapsed = time.perf_counter() - begin
        busy, total = (after - before for after, before in zip(_machine_ticks(), machine, strict=True))
        BUSY[(workers, root is None)] = (busy / total, (time.process_time() - own) / elapsed / os.cpu_count())
        busiest = max(Counter(int(m["at"]) for m in fake.accepted).values())
        return (count / elapsed if done else None), busiest
    finally:
        for worker in started:
            worker.stop()
        fake.stop()


# (workers, ours) -> (share of the machine's cores busy, share spent in this process: the fake
# Twilio's threads and the polling) while sending: two workers cannot double one worker's rate
# when one worker already keeps the machine busy.
BUSY = {}


def _machine_ticks():
    """(busy, total) CPU ticks of the whole machine since boot, from /proc/stat."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return sum(ticks) - idle, sum(ticks)


def _compare(report, label, now, before):
    """One figure beside its baseline from this run, their ratio and the load when taken."""
    shown = f"{now:.0f}" if now else "timeout"
    if now and before:
        shown += f" (baseline {before:.0f}, ×{now / before:.2f})"
    report(label, shown, f"msg/s  load {load_average()[0]}")


def _after_kill(report, broker, tmp):
    from messaging.models import Message, State
    from messaging.outbox import queue_many
    from tests.celery_worker import Worker, clear_broker, wait_until
    from tests.fake_twilio import FakeTwilio

    _reset()
    clear_broker(broker)
    fake = FakeTwilio().start()
    queue_many(_items(KILLED, "kill"))
    first = Worker(broker, fake, tmp).start()
    wait_until(lambda: len(fake.accepted) >= KILLED // 3, timeout=300, interval=0.01)
    first.kill()
    report("sent when the worker was killed at full rate (SIGKILL)", len(fake.accepted), "messages")
    second = Worker(broker, fake, tmp).start()
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
        baseline = _baseline_root(tmp)
        if baseline is None:
            report(f"baseline ({BASELINE})", "unavailable", "(not a git checkout with that commit)")
        figures = {}
        for workers, name in ((1, "one worker"), (2, "two workers")):  # interleaved: the same load for both
            before = (
                _rate(broker, tmp, workers, root=baseline, extra_env=BASELINE_ENV)[0] if baseline else None
            )
            now = _rate(broker, tmp, workers)[0]
            figures[workers] = now
            _compare(report, f"messages/s to the fake Twilio, {name} ({SENT:,} texts)", now, before)
            figures[-workers] = before
        for workers in (1, 2):
            machine, fake = BUSY.get((workers, True), (0, 0))
            report(
                f"  machine busy while {workers} sent: all {os.cpu_count()} cores / fake Twilio and bench",
                f"{machine:.0%} / {fake:.0%}",
            )
        if figures[1] and figures[2]:
            scaling = f"×{figures[2] / figures[1]:.2f}"
            if figures[-1] and figures[-2]:
                scaling += f" (baseline ×{figures[-2] / figures[-1]:.2f})"
            report("two workers against one", scaling, f"load {load_average()[0]}")
        limited = {"SMS_RATE_PER_SECOND": str(RATE_LIMIT)}
        rate, busiest = _rate(broker, tmp, 2, extra_env=limited, count=RATE_LIMIT * 10)
        report(
            f"two workers, account limited to {RATE_LIMIT}/s: rate, busiest second",
            f"{rate or 0:.0f}, {busiest}",
            f"msg/s  load {load_average()[0]}",
        )
        _after_kill(report, broker, tmp)
