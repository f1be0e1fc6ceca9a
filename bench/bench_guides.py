"""A guide page: server time cold and cached, bytes on the wire, and Lighthouse when installed.

Server time is measured twice: through Django's test client (any database), and under gunicorn
when the database is PostgreSQL (a second process can then share the test database). "Cold"
asks for the page with a query string, which bypasses the page cache and renders it in full;
"cached" is the page as every reader after the first gets it. Lighthouse runs when the
`lighthouse` command is found (npm install lighthouse; LIGHTHOUSE=path/to/lighthouse).

Under gunicorn the cold guide is also timed interleaved with the same guide served by our code
at BENCH_GUIDES_BEFORE (before the guide-speed work) and with a bread page of Wagtail's
bakerydemo, a stock Wagtail site, each under gunicorn with 2 workers and DEBUG off. Bakerydemo
is set up once, outside this repository (BAKERYDEMO=/work/bakerydemo by default):
    git clone https://github.com/wagtail/bakerydemo && cd bakerydemo
    python3.13 -m venv .venv && .venv/bin/pip install wagtail==8.0.1 Django==6.1.3 gunicorn \
        python-dotenv wagtail-font-awesome-svg django-extensions django-debug-toolbar \
        django-csp dj-database-url "psycopg[binary]" whitenoise
    createdb bakerydemo_guides   # BAKERYDEMO_DATABASE_URL, default postgres://postgres@127.0.0.1/…
    DJANGO_SETTINGS_MODULE=bakerydemo.settings.production DATABASE_URL=… DJANGO_SECRET_KEY=x \
        sh -c ".venv/bin/python manage.py migrate && .venv/bin/python manage.py load_initial_data \
        && .venv/bin/python manage.py collectstatic --noinput"
"""

import contextlib
import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.request
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench import edge_cache, load_average, servers

GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
PAGES = {"guide": GUIDE, "home": "/vi/", "search": "/vi/search/?q=kich+hoat+vneid"}
REPEAT = 50
# main just before the guide-speed work (routing by url_path, preloaded gunicorn).
BEFORE = os.environ.get("BENCH_GUIDES_BEFORE", "c507619")
BREAD = "/breads/anpan/"  # a bakerydemo page of about a guide's length: text, an image, a list
COMPARE_REPEAT = int(os.environ.get("BENCH_GUIDES_REPEAT", "200"))


def run(report):
    from bench.__main__ import timed
    from cms import demo

    demo.load(StringIO())
    client = Client(HTTP_HOST="localhost")
    _server_time(report, "test client", lambda path: client.get(path).content, timed)

    with CaptureQueriesContext(connection) as queries:
        client.get(f"{GUIDE}?cold")
    report("guide page cold: database queries", len(queries.captured_queries))

    html = client.get(GUIDE).content
    report("guide page HTML with its inline CSS and script", f"{len(html) / 1024:.1f}", "KiB")
    report("  gzipped, as sent over 3G", f"{len(gzip.compress(html, 6)) / 1024:.1f}", "KiB")
    report("  fonts (system fonts) and above-the-fold images", 0, "bytes")

    if connection.vendor != "postgresql":
        report("gunicorn: skipped (needs DATABASE_URL=postgres://…)", "-")
        return
    env = _env()
    # The production storage serves hashed names from the manifest, which collectstatic writes.
    subprocess.run(  # noqa: S603
        [str(Path(settings.BASE_DIR) / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env, check=True, cwd=settings.BASE_DIR,
    )  # fmt: skip
    with servers.ours(env, settings.BASE_DIR) as server:
        base = server.base
        _server_time(report, "gunicorn", lambda path: urllib.request.urlopen(base + path).read(), timed)  # noqa: S310
        _compare(report, env, server)
        _flooded(report, base, "gunicorn alone")
        _through_varnish(report, base)
        lighthouse = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
        if not lighthouse:
            report("lighthouse: not installed (npm install lighthouse)", "-")
            return
        for name, path in PAGES.items():
            for category, score in _lighthouse(lighthouse, base + path).items():
                report(f"lighthouse mobile {name}: {category}", score)


def _server_time(report, label, fetch, timed):
    fetch(GUIDE)
    cold = timed(lambda: fetch(f"{GUIDE}?cold"), repeat=REPEAT)
    cached = timed(lambda: fetch(GUIDE), repeat=REPEAT * 4)
    for state, (median, p95) in (("cold", cold), ("cached", cached)):
        report(f"{label}: guide page {state}, median / p95", f"{median * 1000:.1f} / {p95 * 1000:.1f}", "ms")


def _env():
    """Production settings (no DEBUG) on the benchmark's test database."""
    database = settings.DATABASES["default"]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only"),
        "DJANGO_HTTPS": "0",
        "DJANGO_SERVE_MEDIA": "1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }


def _compare(report, env, server):
    """The cold guide now, at BEFORE and bakerydemo's bread page, interleaved, with the ratios."""
    before, why_not_before = servers.ours_at(BEFORE, env, settings.BASE_DIR)
    bakery, why_not_bakery = servers.bakerydemo()
    urls = {f"{server.base}{GUIDE}?cold": "guide cold, now"}
    with contextlib.ExitStack() as stack:
        for other, path, label, why_not in (
            (before, f"{GUIDE}?cold", f"guide cold, before ({BEFORE})", why_not_before),
            (bakery, BREAD, f"bakerydemo {BREAD}", why_not_bakery),
        ):
            if other is not None:
                try:
                    stack.enter_context(other)
                    urls[other.base + path] = label
                    continue
                except RuntimeError as error:
                    why_not = str(error).splitlines()[-1][:120]
            report(f"{label}: skipped, {why_not}", "-")
        report(f"interleaved, {COMPARE_REPEAT} rounds; load average", load_average()[0])
        times = servers.interleaved(list(urls), COMPARE_REPEAT)
    if before is not None:
        before.cleanup()
    medians = {}
    for url, label in urls.items():
        median, p95 = times[url]
        medians[label] = median
        report(f"gunicorn: {label}, median / p95", f"{median * 1000:.1f} / {p95 * 1000:.1f}", "ms")
    now = medians["guide cold, now"]
    for label, median in medians.items():
        if label != "guide cold, now":
            report(f"  ratio now / {label.split(',')[-1].strip()}", f"{now / median:.2f}", "x")


def _through_varnish(report, base):
    """The same flood through Varnish with the shipped VCL, beside gunicorn alone (issue 24)."""
    if not edge_cache.varnishd():
        report("cached guide through Varnish: skipped, varnishd not found (apt-get install varnish)", "-")
        return
    with edge_cache.Varnish(base) as varnish:
        urllib.request.urlopen(varnish.base + GUIDE).read()  # noqa: S310  (the first reader fills it)
        answer = urllib.request.urlopen(varnish.base + GUIDE)  # noqa: S310
        report("cached guide through Varnish: second request", answer.headers.get("X-Edge-Cache", "?"))
        _flooded(report, varnish.base, "through Varnish")


def _flooded(report, base, label):
    """The cached guide under wrk: 64 connections for 30 s (issue 15: >= 1,000 req/s, p99 < 150 ms,
    no errors). wrk runs on the same 2 cores as the server, as it did when the target was set."""
    wrk = shutil.which("wrk")
    if not wrk:
        report("cached guide under wrk: not installed (apt-get install wrk)", "-")
        return
    seconds = os.environ.get("BENCH_WRK_SECONDS", "30")
    result = subprocess.run(  # noqa: S603
        [wrk, "-t2", "-c64", f"-d{seconds}s", "--latency", base + GUIDE],
        capture_output=True, text=True, check=True, timeout=int(seconds) + 60,
    ).stdout  # fmt: skip
    report(f"cached guide under wrk, {label}: load average after", load_average()[0])
    rate = WRK_RATE.search(result)[1]
    report(f"cached guide under wrk, {label}, 64 connections, {seconds} s: requests/s", rate)
    report(f"cached guide under wrk, {label}: p99", _milliseconds(WRK_P99.search(result)[1]), "ms")
    errors = sum(int(socket or status or 0) for socket, status in WRK_ERRORS.findall(result))
    report(f"cached guide under wrk, {label}: errors (socket errors, non-2xx)", errors)


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_P99 = re.compile(r"\s99%\s+([\d.]+\w+)")
WRK_ERRORS = re.compile(r"(?:connect|read|write|timeout) (\d+)|Non-2xx or 3xx responses: (\d+)")


def _milliseconds(text):
    """wrk's "1.23ms", "850.00us" or "1.20s" in milliseconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return f"{float(value) * {'us': 0.001, 'ms': 1, 's': 1000}[unit]:.1f}"


def _lighthouse(command, url):
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        subprocess.run(  # noqa: S603
            [command, url, "--quiet", "--output=json", f"--output-path={output}",
             "--only-categories=performance,accessibility,best-practices,seo",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            check=True, capture_output=True, timeout=240,
        )  # fmt: skip
        categories = json.loads(output.read_text())["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}
