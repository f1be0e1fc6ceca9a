"""A newcomer's first minute: `make demo` on a fresh clone until /vi/ answers, step by step.

Clones this repository's last commit into a temporary folder and runs the README's command there,
with none of this shell's settings (an embedded demo: SQLite, no broker), on a free port. Each
step's time is when make printed its command; the package caches are whatever this machine has
(the issue allows them warm), and the figure says so. BENCH_DEMO=0 skips it.
"""

import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings

TARGET_S = 90
# Each step runs from the line of make's output that starts it to the start of the next step.
STEPS = [
    ("install", None),
    ("migrate beside catalogues and static files", ".venv/bin/python manage.py migrate"),
    ("load_demo", ".venv/bin/python manage.py load_demo"),
    ("server start to the first page", "PORT="),
]
KEPT = ("HOME", "PATH", "LANG", "SSL_CERT_FILE", "PIP_FIND_LINKS", "PIP_CERT", "PIP_DEFAULT_TIMEOUT")


def run(report):
    if os.environ.get("BENCH_DEMO") == "0":
        report("skipped (BENCH_DEMO=0)", "-")
        return
    caches = [p for p in (Path.home() / ".cache/uv", Path.home() / ".cache/pip") if p.exists()]
    report("package cache", "warm" if caches else "empty")
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "p"
        subprocess.run(["git", "clone", "-q", str(settings.BASE_DIR), str(clone)], check=True)  # noqa: S603, S607
        port = _free_port()
        env = {key: os.environ[key] for key in KEPT if key in os.environ}
        started = time.perf_counter()
        make = subprocess.Popen(  # noqa: S603
            ["make", "demo", f"PORT={port}"],  # noqa: S607
            cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        marks = {}
        threading.Thread(target=_watch, args=(make.stdout, marks, started), daemon=True).start()
        try:
            first = _first_page(f"http://127.0.0.1:{port}/vi/", make, started)
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=60)
    starts = [0.0, *(marks.get(line) for _, line in STEPS[1:])]
    for (step, _), begin, end in zip(STEPS, starts, [*starts[1:], first], strict=True):
        report(f"  {step}", f"{end - begin:.1f}" if begin is not None and end is not None else "-", "s")
    report(
        "make demo on a fresh clone: first page",
        f"{first:.1f}" if first else "failed",
        "s",
        baseline=f"{TARGET_S} (target)",
    )


def _watch(output, marks, started):
    """Notes when each step's command first appears in make's output."""
    for line in output:
        for _, start in STEPS[1:]:
            if start not in marks and line.startswith(start):
                marks[start] = time.perf_counter() - started


def _first_page(url, make, started):
    """Seconds from `make demo` to the first 200 on the home page; None if make stopped first."""
    while make.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.2)
    return None


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
