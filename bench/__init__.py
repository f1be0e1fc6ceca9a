"""Benchmarks: `make bench` (or `python -m bench [name …]`) runs bench/bench_*.py and prints figures.

Each module has `run(report)`: it does its work against a throwaway database (PostgreSQL when
DATABASE_URL is set, else SQLite) and calls `report(label, value, unit)` for every figure.
"""

from pathlib import Path


def load_average():
    """The machine's load average over 1, 5 and 15 minutes, as /proc/loadavg gives them: every
    figure a bench prints is worth only as much as the load it was taken under."""
    return Path("/proc/loadavg").read_text().split()[:3]
