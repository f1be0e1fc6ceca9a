"""Benchmarks: `make bench` (or `python -m bench [name …]`) runs bench/bench_*.py and prints figures.

Each module has `run(report)`: it does its work against a throwaway database (PostgreSQL when
DATABASE_URL is set, else SQLite) and calls `report(label, value, unit)` for every figure.
"""
