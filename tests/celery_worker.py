"""A real Celery worker (with its embedded beat) in a subprocess, against a real Redis broker.

Used by the reliability tests and bench/bench_outbox.py. The worker reads the same database as
the caller (the test database must be PostgreSQL: an in-memory SQLite is invisible to it) and
sends through the fake Twilio the caller runs. Timings are shortened so that lost tasks are
recovered within seconds: Redis hands an unacknowledged task to another worker after
CELERY_VISIBILITY_TIMEOUT, and the dispatcher hands out again what stayed queued SMS_REQUEUE_AFTER.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.fake_twilio import ACCOUNT_SID, AUTH_TOKEN

ROOT = Path(settings.BASE_DIR)


def database_url():
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def clear_broker(broker_url):
    """Forget tasks left in this Redis database by an earlier run (only the Celery keys)."""
    import redis

    client = redis.Redis.from_url(broker_url)
    keys = [key for key in client.keys("*") if key.startswith((b"celery", b"imports", b"unacked", b"_kombu"))]
    if keys:
        client.delete(*keys)


class Worker:
    def __init__(
        self,
        broker_url,
        fake_twilio,
        tmp_path,
        *,
        concurrency=1,
        beat=True,
        extra_env=None,
        root=ROOT,
        queues="celery,imports",
    ):
        self.root = root  # another checkout runs an older version (bench/bench_outbox.py's baseline)
        self.beat = beat  # one beat among several workers: the dispatcher runs on one schedule
        self.broker_url = broker_url
        self.fake = fake_twilio
        self.tmp_path = Path(tmp_path)
        self.concurrency = concurrency
        self.queues = queues  # the texts' queue and the imports' (config/settings/base.py), or one
        self.extra_env = extra_env or {}
        self.process = None

    def env(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": self.broker_url,
            "REDIS_URL": self.broker_url,
            "CELERY_VISIBILITY_TIMEOUT": "5",
            "SMS_PROVIDER": "twilio",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_SENDER_ID": "TOCONGNGHE",
            "TWILIO_API_BASE_URL": self.fake.base_url,
            "TWILIO_TIMEOUT": "2",
            "SMS_DISPATCH_INTERVAL": "0.5",
            "SMS_REQUEUE_AFTER": "3",
            "SMS_HANDOFF_GRACE": "2",
            "SMS_RETRY_BASE_SECONDS": "0.5",
            "SMS_RATE_PER_SECOND": "0",
            "SMS_WINDOW_START": "00:00",
            "SMS_WINDOW_END": "24:00",
            "LOG_LEVEL": "WARNING",
        }
        env.update(self.extra_env)
        return env

    def start(self):
        log = open(self.tmp_path / f"worker-{time.monotonic_ns()}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config.celery_app",
                "worker",
                *(["--beat", "--schedule", str(self.tmp_path / "beat-schedule")] if self.beat else []),
                "--concurrency",
                str(self.concurrency),
                "--queues",
                self.queues,
                "--without-mingle",
                "--without-gossip",
                "--loglevel",
                "WARNING",
            ],
            cwd=self.root,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() takes the pool with it
        )
        return self

    def kill(self):
        """SIGKILL the worker and its pool at once: no warm shutdown, nothing acknowledged."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_until(condition, timeout, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
