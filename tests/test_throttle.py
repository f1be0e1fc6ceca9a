"""One throttle, counted where every process sees it, keyed on the real client behind the load
balancer: the reported attacks (11 sign-in texts to one phone in 2.3 s, 30 wrong passwords) are
refused even when the requests land on different processes."""

import os
import uuid

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.models import User
from messaging.models import Message, Purpose
from runtime import throttle
from tests.fresh_processes import run_each

pytestmark = pytest.mark.django_db


# Two gunicorn workers, as `gunicorn --preload` makes them: one process sets Django up (and the
# cache table an empty database lacks), then forks a worker per count given. Each counts one
# allauth action (sign-in codes for one phone, 3 a minute) and one of ours, all at once, and
# prints how many it let through. Process memory is copied at the fork, not shared after it: a
# per-process cache would let each worker through on its own.
WORKERS = """
import os, sys, traceback, django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test import RequestFactory
from allauth.core import ratelimit
from runtime import throttle
call_command("createcachetable", verbosity=0)
connections.close_all()  # each worker opens its own
phone = sys.argv[1]

def count(tries):
    request = RequestFactory().post("/accounts/login/code/", REMOTE_ADDR="203.0.113.9")
    codes = sum(bool(ratelimit.consume(request, action="request_login_code", key=phone)) for _ in range(tries))
    sign_ups = sum(throttle.allow(request, "training_sign_up_phone", key=phone) for _ in range(tries))
    print(codes, sign_ups, flush=True)

workers = []
for tries in map(int, sys.argv[2:]):
    worker = os.fork()
    if worker == 0:
        try:
            count(tries)
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
        os._exit(0)
    workers.append(worker)
sys.exit(max(os.waitstatus_to_exitcode(os.waitpid(worker, 0)[1]) for worker in workers))
"""


def _let_through(tries, **env):
    """(sign-in codes, sign-ups) let through by workers making `tries` requests each, summed."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DJANGO_SECRET_KEY": "x",
        **env,
    }
    phone = f"+8491{uuid.uuid4().int % 10**7:07}"  # a number no other run has counted
    (run,) = run_each([(["-c", WORKERS, phone, *map(str, tries)], environment)])
    assert run.returncode == 0, run.stderr
    counts = [[int(n) for n in line.split()] for line in run.stdout.splitlines()]
    assert len(counts) == len(tries), run.stdout
    return [sum(column) for column in zip(*counts, strict=True)]


# Another process holds the write lock of the embedded database for half a second while this one
# counts a hit in the database cache.
WHILE_ANOTHER_WRITES = """
import sqlite3, sys, threading, time, django
django.setup()
from django.core.cache import cache
from django.core.management import call_command
call_command("createcachetable", verbosity=0)
cache.set("hits", 1)
other = sqlite3.connect(sys.argv[1], isolation_level=None, check_same_thread=False)
other.execute("BEGIN IMMEDIATE")

def commit_later():
    time.sleep(0.5)
    other.execute("COMMIT")

# Not threading.Timer: its timed wait never ended under CI's faketime.
threading.Thread(target=commit_later, daemon=True).start()
cache.set("hits", 2)
print(cache.get("hits"))
"""


def test_a_count_written_while_another_process_writes_waits_and_is_kept(tmp_path):
    """Refused at once and dropped by the database cache, the count stayed at 1: that is how two
    processes let a fourth sign-in text through."""
    database = tmp_path / "shared.sqlite3"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DJANGO_SECRET_KEY": "x",
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": "",
    }
    (run,) = run_each([(["-c", WHILE_ANOTHER_WRITES, str(database)], environment)])
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[-1] == "2"


def test_two_processes_share_the_embedded_database_cache(tmp_path):
    # The embedded mode: no REDIS_URL, one SQLite file every worker opens.
    database = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    codes, sign_ups = _let_through([6, 5], DATABASE_URL=database, REDIS_URL="")
    assert codes == 3  # 11 requests for one phone from two processes: 3 texts
    assert sign_ups == int(settings.RATE_LIMITS["training_sign_up_phone"].split("/")[0])


@pytest.mark.redis
def test_two_processes_share_the_redis_cache(redis_url, tmp_path):
    database = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    codes, sign_ups = _let_through([6, 5], DATABASE_URL=database, REDIS_URL=redis_url)
    assert codes == 3
    assert sign_ups == int(settings.RATE_LIMITS["training_sign_up_phone"].split("/")[0])


def test_without_redis_the_cache_is_the_database_never_process_memory():
    read = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_SECRET_KEY": "x"}
    (found,) = run_each([(["-c", read], {**environment, "REDIS_URL": ""})])
    assert found.stdout.split()[-1] == "django.core.cache.backends.db.DatabaseCache", found.stderr


def test_eleven_sign_in_texts_to_one_phone_from_two_addresses_send_three(django_capture_on_commit_callbacks):
    User.objects.create_user(phone="+84912345678", full_name="Trần Văn Hùng")
    for n in range(11):  # a script with no cookies, from two addresses
        with django_capture_on_commit_callbacks(execute=True):
            Client(REMOTE_ADDR=f"203.0.113.{n % 2}").post(
                reverse("account_request_login_code"), {"phone": "0912 345 678"}
            )
    assert Message.objects.filter(purpose=Purpose.SIGN_IN).count() == 3


def test_thirty_wrong_passwords_are_refused_after_five():
    User.objects.create_user(email="tinh@example.vn", password="the-right-password-2026")

    def sign_in(password, address):
        client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")
        response = client.post(reverse("account_login"), {"login": "tinh@example.vn", "password": password})
        return response.content.decode(), client

    answers = [sign_in(f"wrong-{n}", f"198.51.100.{n}")[0] for n in range(30)]
    refused = [n for n, page in enumerate(answers) if "Too many failed login attempts" in page]
    assert refused == list(range(5, 30))
    # Even the right password waits until the window has passed.
    page, client = sign_in("the-right-password-2026", "198.51.100.99")
    assert "Too many failed login attempts" in page
    assert "_auth_user_id" not in client.session


def _request(forwarded_for):
    return RequestFactory().post("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_one_trusted_proxy_the_last_forwarded_hop_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; our load balancer appended the address it saw.
    assert throttle.client_address(_request("6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    limit = int(settings.RATE_LIMITS["training_sign_up"].split("/")[0])
    assert all(throttle.allow(_request("203.0.113.7"), "training_sign_up") for _ in range(limit))
    assert not throttle.allow(_request("6.6.6.6, 203.0.113.7"), "training_sign_up")
    # Someone else behind the same load balancer has a limit of their own.
    assert throttle.allow(_request("203.0.113.8"), "training_sign_up")


def test_without_a_trusted_proxy_a_forged_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert throttle.client_address(_request("203.0.113.7")) == "10.0.0.5"
    limit = int(settings.RATE_LIMITS["training_sign_up"].split("/")[0])
    # A new forged address on every request does not buy new tries.
    answers = [throttle.allow(_request(f"203.0.113.{n}"), "training_sign_up") for n in range(limit + 3)]
    assert answers.count(True) == limit


def test_a_script_looping_over_the_team_finder_is_slowed_down(client):
    limit = int(settings.RATE_LIMITS["team_finder"].split("/")[0])
    answers = [client.get("/vi/find-your-team/", {"q": f"thon {n}"}).status_code for n in range(limit + 2)]
    assert answers == [200] * limit + [429, 429]
    refused = client.get("/vi/find-your-team/", {"q": "thon"})
    assert "Có quá nhiều lượt tìm kiếm" in refused.content.decode()
    assert client.get("/vi/find-your-team/").status_code == 200  # choosing from the lists still works
