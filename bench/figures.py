"""The figures of issue 15, each beside its baseline from the same run and the ratio of the two.

A bench reports a compared figure itself with `report(label, value, unit, baseline=…)`. The
figures below are made from rows the benches already print (the value's row and its baseline's
row, found by the start of their labels, or one row printing "value vs baseline"), so a bench keeps its own output and this table gathers
what the issue asks for. A baseline given as a number is the issue's target, not a measurement,
and is marked so. A figure whose rows were not printed (a bench skipped for want of PostgreSQL or
Redis, or not run) shows as not measured, never as a pass.
"""

import re
from dataclasses import dataclass

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Figure:
    name: str
    value: str  # the start of the label of the row holding the value
    baseline: str | float  # the start of the baseline row's label, or the target
    goal: str


SAME_ROW = "vs"  # the baseline is in the value's own row: "A vs B = xR" or "A / B = xR"
PAIR = re.compile(r" vs | / ")

FIGURES = [
    Figure("rows read, national page, 4x the data vs 1x", "rows read, national page", SAME_ROW, "<= 1.10"),
    Figure("rows read, province page, 4x the data vs 1x", "rows read, province page", SAME_ROW, "<= 1.10"),
    Figure("national dashboard, median ms", "national dashboard median", 150, "< 150 ms at full scale"),
    Figure("province monthly XLSX, median ms", "province monthly report (XLSX)", 1000, "< 1 s"),
    Figure("texts/s, one worker", "messages/s to the fake Twilio, one worker", 200, ">= 200/s"),
    Figure(
        "texts/s, two workers / one",
        "messages/s to the fake Twilio, two workers",
        "messages/s to the fake Twilio, one worker",
        "close to 2",
    ),
    Figure("duplicates after a SIGKILL", "duplicates after a forced kill", 0, "0"),
    Figure("losses after a SIGKILL", "losses after a forced kill", 0, "0"),
    Figure("trainings: texts/s, one worker", "sent per second: one worker", 200, "re-run"),
    Figure(
        "guide page cold (gunicorn) / bakerydemo bread page, ms",
        "gunicorn: guide cold, now",
        "gunicorn: bakerydemo",
        "<= 0.5",
    ),
    Figure("guide page cached (test client), ms", "test client: guide page cached", 2, "about 2 ms"),
    Figure(
        "cached guide under wrk, requests/s", "cached guide under wrk, gunicorn alone, 64", 1000, ">= 1,000"
    ),
    Figure("cached guide under wrk, p99 ms", "cached guide under wrk, gunicorn alone: p99", 150, "< 150 ms"),
    Figure("cached guide under wrk, errors", "cached guide under wrk, gunicorn alone: errors", 0, "0"),
    # Issue 24: the same flood through Varnish, beside gunicorn alone in the same run.
    Figure(
        "cached guide through Varnish / gunicorn alone, requests/s",
        "cached guide under wrk, through Varnish, 64",
        "cached guide under wrk, gunicorn alone, 64",
        "> 1",
    ),
    Figure(
        "cached guide through Varnish / gunicorn alone, p99 ms",
        "cached guide under wrk, through Varnish: p99",
        "cached guide under wrk, gunicorn alone: p99",
        "< 1",
    ),
    Figure("cached guide through Varnish, errors", "cached guide under wrk, through Varnish: errors", 0, "0"),
    Figure(
        "roster preview + confirm / bulk_create floor, s",
        "preview + confirm vs floor (issue",
        SAME_ROW,
        "<= 3",
    ),
    Figure("roster ms per row: import-export / ours", "ms per row: django-import-export", SAME_ROW, ">= 10"),
    Figure("search page (vi), ranking / all-words baseline, ms", "vi: ranking search", "vi: baseline", "-"),
    Figure(
        "forum question page (20 answers) / guide page, cold, gunicorn, ms",
        "forum, gunicorn: question page",
        "forum, gunicorn: guide page",
        "<= 1.10",
    ),
    Figure(
        "forum question page (20 answers) / guide page, cold, test client, ms",
        "forum, test client: question page",
        "forum, test client: guide page",
        "<= 1.10",
    ),
]


def number(value):
    """The first number in a printed value ("556 / 800" -> 556.0), None if there is none."""
    match = NUMBER.search(str(value))
    return float(match.group().replace(",", "")) if match else None


def rows(printed, compared):
    """(figure, value, baseline, ratio, goal) for each figure of the issue, then each row a bench
    compared itself; `printed` maps each printed label to its value."""

    def find(start):
        return next((value for label, value in printed.items() if label.startswith(start)), None)

    for figure in FIGURES:
        value = find(figure.value)
        if figure.baseline == SAME_ROW:
            value, baseline = ([*PAIR.split(value or "", maxsplit=1), ""])[:2]
            value, baseline = value or None, baseline.partition(" =")[0] or None
        elif isinstance(figure.baseline, str):
            baseline = find(figure.baseline)
        else:
            baseline = f"{figure.baseline:g} (target)"
        if value is None or baseline is None:
            yield figure.name, "not measured", baseline if baseline is not None else "-", "-", figure.goal
            continue
        yield figure.name, _short(value), _short(baseline), ratio(value, baseline), figure.goal
    for label, value, baseline in compared:
        yield label, value, baseline, ratio(value, baseline), "-"


def _short(value):
    """A value fit for the table's column: its first number when the bench printed more."""
    return value if len(str(value)) <= 14 else f"{number(value):g}"


def ratio(value, baseline):
    value, baseline = number(value), number(baseline)
    if value is None or baseline is None:
        return "-"
    if baseline == 0:
        return "-" if value else "="
    return f"{value / baseline:.2f}x"
