"""A forum question page with 20 answers beside a guide page, both uncached, in the same run.

Issue 25: the question page, uncached, at most 1.1x an uncached guide page (median). The two are
asked in turn (interleaved, so a busy machine slows both alike): through Django's test client on
any database, and under gunicorn (production settings, 2 workers) when the database is
PostgreSQL. "Uncached" adds `?cold`: the page cache serves only known addresses (cms/views/
pages.py, forum/cache.py), so such a request renders the page in full, as the first reader after
a change gets it. Question and answers are written the size people write them.
"""

import statistics
import subprocess
import time
import urllib.request
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench import load_average, servers

GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
ANSWERS = 20
REPEAT = 100
GOAL = 1.1


def run(report):
    from bench.bench_guides import _env
    from cms import demo

    demo.load(StringIO())
    question = _question_with_answers()
    pages = {
        "guide page": f"{GUIDE}?cold",
        f"question page ({ANSWERS} answers)": f"/vi/questions/{question}/?cold",
    }
    client = Client(HTTP_HOST="localhost")
    for path in pages.values():
        assert client.get(path).status_code == 200, path
    for name, path in pages.items():
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        report(f"{name} cold: database queries", len(queries.captured_queries))
    _compare(
        report,
        "forum, test client",
        {name: lambda p=path: client.get(p).content for name, path in pages.items()},
    )

    if connection.vendor != "postgresql":
        report("forum under gunicorn: skipped (needs DATABASE_URL=postgres://…)", "-")
        return
    env = _env()
    subprocess.run(  # noqa: S603
        [str(Path(settings.BASE_DIR) / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env, check=True, cwd=settings.BASE_DIR,
    )  # fmt: skip
    with servers.ours(env, settings.BASE_DIR) as server:
        fetchers = {
            name: lambda url=server.base + path: urllib.request.urlopen(url, timeout=60).read()  # noqa: S310
            for name, path in pages.items()
        }
        _compare(report, "forum, gunicorn", fetchers)


def _compare(report, label, fetchers):
    """Each page in turn REPEAT times after a warm-up; medians, p95 and the ratio to the guide."""
    durations = {name: [] for name in fetchers}
    for round_ in range(REPEAT + 5):
        for name, fetch in fetchers.items():
            started = time.perf_counter()
            fetch()
            if round_ >= 5:
                durations[name].append(time.perf_counter() - started)
    report(f"{label}: forum vs guide, {REPEAT} interleaved rounds; load average", load_average()[0])
    medians = {}
    for name, values in durations.items():
        values.sort()
        medians[name] = statistics.median(values)
        p95 = values[round(0.95 * (len(values) - 1))]
        report(f"{label}: {name} cold, median / p95", f"{medians[name] * 1000:.1f} / {p95 * 1000:.1f}", "ms")
    question, guide = (medians[name] for name in fetchers if name != "guide page"), medians["guide page"]
    ratio = next(question) / guide
    report(f"{label}: question page cold / guide page cold", f"{ratio:.2f}", f"x (goal <= {GOAL})")


def _question_with_answers():
    """A published question of the first topic with ANSWERS answers: one accepted, a third by
    experts with their badge, the rest by citizens; each a few sentences, some with votes."""
    from accounts.models import User
    from cms.models import TopicPage
    from forum.models import Answer, Expert, Organisation, Question, Status

    topic = TopicPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    question = Question.objects.create(
        topic=topic, asker_name="Lan", title="Làm sao để lấy lại mật khẩu VNeID khi đã đổi số điện thoại?",
        body="Tôi đã đổi số điện thoại mới, ứng dụng VNeID báo sai mật khẩu và không gửi mã về số cũ. " * 3,
        language="vi", status=Status.PUBLISHED, answered_at=timezone.now(),
    )  # fmt: skip
    users = [User.objects.create(email=f"expert{n}@bench.vn", full_name=f"Chuyên gia {n}") for n in range(3)]
    experts = [
        Expert.objects.create(user=user, kind=Organisation.POLICE, organisation=f"Công an xã {n}")
        for n, user in enumerate(users)
    ]
    body = (
        "Bạn mang căn cước gắn chip ra công an xã nơi cư trú để cập nhật số điện thoại mới. "
        "Sau đó mở ứng dụng, chọn Quên mật khẩu và nhập mã gửi về số mới. "
    )
    Answer.objects.bulk_create(
        Answer(
            question=question, author=users[n % 3] if n % 3 == 0 else None,
            expert=experts[n % 3] if n % 3 == 0 else None, author_name=f"Người trả lời {n}",
            body=body * (1 + n % 3), status=Status.PUBLISHED, accepted=n == 4, helpful=n % 5,
        )
        for n in range(ANSWERS)
    )  # fmt: skip
    return question.pk
