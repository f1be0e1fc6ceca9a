import argparse
import importlib
import os
import pkgutil
import statistics
import sys
import time
import traceback
from pathlib import Path

from bench import KEPT, figures

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def _modules(selected):
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_")
    )
    return [name for name in names if not selected or name.removeprefix("bench_") in selected]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all), e.g. admin_map")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if KEPT:
        connection.settings_dict["TEST"]["NAME"] = KEPT
    database = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=bool(KEPT))
    print(
        f"# database: {connection.vendor} ({database}); python {sys.version.split()[0]}; {os.cpu_count()} cores"
    )
    report, failed = Report(), []
    try:
        for name in _modules(args.names):
            module = importlib.import_module(f"bench.{name}")
            print(f"\n## {name.removeprefix('bench_')}: {module.__doc__.strip().splitlines()[0]}", flush=True)
            try:
                module.run(report)
            except Exception:  # noqa: BLE001  (one broken bench must not hide the others' figures)
                traceback.print_exc()
                failed.append(name)
    finally:
        if not KEPT:
            connection.creation.destroy_test_db(database, verbosity=0)
    report.summary()
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


class Report:
    """What each bench calls for every figure: `report(label, value, unit)`, or with `baseline=`
    (measured in the same run) to print the two side by side with their ratio. Keeps every row
    for the closing table of issue 15's figures (bench/figures.py)."""

    def __init__(self):
        self.printed, self.compared = {}, []

    def __call__(self, label, value, unit="", *, baseline=None):
        self.printed[label] = value
        if baseline is None:
            print(f"{label:<60} {value:>12} {unit}", flush=True)
            return
        self.compared.append((label, value, baseline))
        ratio = figures.ratio(value, baseline)
        print(f"{label:<60} {value:>12} {unit}  baseline {baseline} {unit}  ratio {ratio}", flush=True)

    def summary(self):
        print("\n## issue 15: figure, value, baseline (same run unless a target), ratio, goal")
        print(f"{'figure':<52} {'value':>14} {'baseline':>16} {'ratio':>8}  goal")
        for name, value, baseline, ratio, goal in figures.rows(self.printed, self.compared):
            print(f"{name:<52} {value!s:>14} {baseline!s:>16} {ratio:>8}  {goal}")


def timed(function, repeat=1):
    """Seconds per call: (median, p95) over `repeat` calls."""
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    durations.sort()
    p95 = durations[min(len(durations) - 1, round(0.95 * (len(durations) - 1)))]
    return statistics.median(durations), p95


def redis_url():
    """The Redis to use as a Celery broker (REDIS_URL, else CELERY_BROKER_URL), None if unreachable."""
    import redis

    url = os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL")
    if not url:
        return None
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return None
    return url


if __name__ == "__main__":
    main()
