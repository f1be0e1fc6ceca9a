"""The administrative map: provinces, communes, villages, and the geographic `Scope` on it.

The bottom app but one: it imports only `vietnamese/`, and every other app (accounts, messaging,
teams, trainings, privacy) places its rows on the map through it. The layers are checked by
import-linter (pyproject.toml, `make lint`); docs/architecture.md draws them.
"""
