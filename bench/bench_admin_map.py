"""Loading the official map: first load and an unchanged re-load (which must write nothing)."""

from places.loading import load_admin_map


def run(report):
    from bench.__main__ import timed

    first, _ = timed(load_admin_map)
    again, _ = timed(load_admin_map)
    result = load_admin_map()
    report("first load of 34 provinces and 3,321 communes", f"{first:.2f}", "s")
    report("re-load with nothing changed", f"{again:.2f}", "s")
    report("units written by an unchanged re-load", result.created + result.updated, "rows")
