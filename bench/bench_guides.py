"""A guide page: server time cold and cached, bytes on the wire, and Lighthouse when installed.

Server time is measured twice: through Django's test client (any database), and under gunicorn
when the database is PostgreSQL (a second process can then share the test database). "Cold"
asks for the page with a query string, which bypasses the page cache and renders it in full;
"cached" is the page as every reader after the first gets it. Lighthouse runs when the
`lighthouse` command is found (npm install lighthouse; LIGHTHOUSE=path/to/lighthouse).
"""

import gzip
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client

GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
PAGES = {"guide": GUIDE, "home": "/vi/", "search": "/vi/search/?q=kich+hoat+vneid"}
PORT = int(os.environ.get("BENCH_PORT", "8103"))
REPEAT = 50


def run(report):
    from bench.__main__ import timed
    from cms import demo

    demo.load(StringIO())
    client = Client(HTTP_HOST="localhost")
    _server_time(report, "test client", lambda path: client.get(path).content, timed)

    html = client.get(GUIDE).content
    report("guide page HTML with its inline CSS and script", f"{len(html) / 1024:.1f}", "KiB")
    report("  gzipped, as sent over 3G", f"{len(gzip.compress(html, 6)) / 1024:.1f}", "KiB")
    report("  fonts (system fonts) and above-the-fold images", 0, "bytes")

    if connection.vendor != "postgresql":
        report("gunicorn: skipped (needs DATABASE_URL=postgres://…)", "-")
        return
    with _gunicorn() as base:
        _server_time(report, "gunicorn", lambda path: urllib.request.urlopen(base + path).read(), timed)  # noqa: S310
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


class _gunicorn:
    """gunicorn serving the benchmark's test database, with production settings (no DEBUG)."""

    def __enter__(self):
        database = settings.DATABASES["default"]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only"),
            "DJANGO_HTTPS": "0",
            "DJANGO_SERVE_MEDIA": "1",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "WEB_CONCURRENCY": "2",
        }
        python = str(Path(settings.BASE_DIR) / ".venv" / "bin" / "python")
        subprocess.run(  # noqa: S603
            [python, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            check=True,
            cwd=settings.BASE_DIR,
        )
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603
            [python, "-m", "gunicorn", "-c", "platform/gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}",
             "--access-logfile", "/dev/null", "config.wsgi"],
            env=env, cwd=settings.BASE_DIR, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz")  # noqa: S310
                return base
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


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
