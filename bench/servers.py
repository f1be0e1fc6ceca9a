"""Web servers a benchmark starts side by side: ours, ours at an older commit, Wagtail's bakerydemo.

Each runs under gunicorn with 2 sync workers and DEBUG off, so the figures compare the same way
of serving. Requests are interleaved (one to each server in turn) so the machine's load, which
other work changes by the second, falls on all of them alike.
"""

import os
import shutil
import socket
import statistics
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from io import BytesIO
from pathlib import Path

# Wagtail's reference site, checked out and loaded once by hand (see bench_guides.py).
BAKERYDEMO = Path(os.environ.get("BAKERYDEMO", "/work/bakerydemo"))
BAKERYDEMO_DATABASE_URL = os.environ.get(
    "BAKERYDEMO_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bakerydemo_guides"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A gunicorn process for the length of a `with` block; `.base` is its http://host:port."""

    def __init__(self, name, argv, env, cwd):
        self.name, self.argv, self.env, self.cwd = name, argv, env, cwd
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603
            [*self.argv, "--bind", f"127.0.0.1:{self.port}", "--access-logfile", "/dev/null"],
            env=self.env, cwd=self.cwd, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        for _ in range(300):
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{self.base}/", timeout=30)  # noqa: S310
                return self
            except urllib.error.HTTPError:
                return self  # it answers (a redirect to a language, a 404 at its root)
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        self.log.seek(0)
        raise RuntimeError(f"{self.name} did not start: {self.log.read()[-2000:].decode(errors='replace')}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=60)


def ours(env, cwd, config="platform/gunicorn.conf.py"):
    python = str(Path(cwd) / ".venv" / "bin" / "python")
    argv = [python, "-m", "gunicorn", "-c", config, "config.wsgi"]
    return Server("ours", argv, {**env, "WEB_CONCURRENCY": "2"}, cwd)


def ours_at(commit, env, repo):
    """Our site as it was at `commit`, from `git archive`, on the same database and static files.
    None (with the reason) when the commit cannot be read or no longer runs on today's schema."""
    try:
        command = ["git", "archive", commit]
        archive = subprocess.run(command, cwd=repo, capture_output=True, check=True).stdout  # noqa: S603
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        return None, f"git archive {commit} failed: {error}"
    folder = Path(tempfile.mkdtemp(prefix="bench-before-"))
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    for shared in (".venv", "staticfiles"):
        (folder / shared).symlink_to(Path(repo) / shared)
    server = ours(env, folder)
    server.name = f"ours at {commit}"
    server.cleanup = lambda: shutil.rmtree(folder, ignore_errors=True)
    return server, None


def bakerydemo():
    """Wagtail's demo under its production settings, or None (with the reason) if not set up."""
    python = BAKERYDEMO / ".venv" / "bin" / "python"
    if not python.exists():
        return None, f"not set up ({BAKERYDEMO}/.venv missing; see bench/bench_guides.py)"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DATABASE_URL": BAKERYDEMO_DATABASE_URL,
        "DJANGO_SECRET_KEY": "bench-only",
        "SECURE_SSL_REDIRECT": "false",
    }
    argv = [str(python), "-m", "gunicorn", "-w", "2", "--worker-class", "sync", "bakerydemo.wsgi"]
    return Server("bakerydemo", argv, env, BAKERYDEMO), None


def interleaved(urls, repeat):
    """{url: (median, p95) seconds}, asking each URL in turn `repeat` times after a warm-up."""
    durations = {url: [] for url in urls}
    for round_ in range(repeat + 5):
        for url in urls:
            started = time.perf_counter()
            urllib.request.urlopen(url, timeout=60).read()  # noqa: S310
            if round_ >= 5:
                durations[url].append(time.perf_counter() - started)
    result = {}
    for url, values in durations.items():
        values.sort()
        result[url] = (statistics.median(values), values[round(0.95 * (len(values) - 1))])
    return result
