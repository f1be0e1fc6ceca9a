"""The demo the README promises (`make demo`, `manage.py load_demo`): each app's demo data, loaded
in the order they build on each other.

A top app: it imports the apps' `demo` modules plainly (teams, accounts, cms, trainings), so
import-linter sees every one of them; only `config` sits above it. Each step is idempotent, so
loading again changes nothing.
"""
