"""The period a dashboard shows (`?period=`): the last 12 months by default, or any past month
(2026-11), quarter (2026-Q4) or year (2026), each compared with the period before it.

A period still running is cut at this month, and the period it is compared with is cut to the
same number of months (January to June against January to June of the year before), so the
comparison never sets half a year beside a whole one.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from teams.activity import last_months, month_start

YEARS_OFFERED = 5
QUARTERS_OFFERED = 8
MONTHS_OFFERED = 25


def _shift(month, count):
    """The first day of the month `count` months after `month` (before, when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str  # "recent" (the last 12 months), "month", "quarter" or "year"
    first: date
    length: int  # months in the whole period
    shown: int  # months of it shown (fewer while it is still running)

    @property
    def months(self):
        return [_shift(self.first, n) for n in range(self.shown)]

    @property
    def code(self):
        return {
            "recent": "",
            "month": f"{self.first:%Y-%m}",
            "quarter": f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}",
            "year": f"{self.first.year}",
        }[self.kind]

    @property
    def label(self):
        if self.kind == "recent":
            return _("the last 12 months")
        if self.kind == "month":
            return f"{self.first:%m/%Y}"
        if self.kind == "quarter":
            return _("quarter %(n)d/%(year)d") % {
                "n": (self.first.month - 1) // 3 + 1,
                "year": self.first.year,
            }
        return _("year %(year)d") % {"year": self.first.year}

    def previous(self):
        return Period(self.kind, _shift(self.first, -self.length), self.length, self.shown)


def _period(kind, first, length, today):
    this_month = month_start(today)
    last = _shift(first, length - 1)
    shown = (
        length
        if last <= this_month
        else (this_month.year - first.year) * 12 + this_month.month - first.month + 1
    )
    return Period(kind, first, length, shown)


def _read(text):
    """(kind, first month, length) of a period's code; ValueError when it names none."""
    if "-Q" in text:
        year, quarter = text.split("-Q")
        if not 1 <= int(quarter) <= 4:
            raise ValueError(text)
        return "quarter", date(int(year), 3 * int(quarter) - 2, 1), 3
    if "-" in text:
        year, month = text.split("-")
        return "month", date(int(year), int(month), 1), 1
    return "year", date(int(text), 1, 1), 12


def parse_period(text, today=None):
    """The period `text` names; the last 12 months when empty. ValueError (with the message to
    show) for text that names no period or one that has not begun."""
    today = today or timezone.localdate()
    text = (text or "").strip().upper()
    if not text:
        return Period("recent", last_months(12, today)[0], 12, 12)
    try:
        kind, first, length = _read(text)
        if first.year < 2000:  # nothing was reported before, and no month before year 1
            raise ValueError(text)
    except (ValueError, OverflowError):  # OverflowError: a year too large for a date
        raise ValueError(
            _("“%(value)s” is not a period: choose one from the list.") % {"value": text[:20]}
        ) from None
    if first > month_start(today):
        raise ValueError(_("“%(value)s” has not begun yet: choose a past period.") % {"value": text[:20]})
    return _period(kind, first, length, today)


def periods_offered(today=None):
    """[(group label, [(code, label)])] for the picker, newest first."""
    today = today or timezone.localdate()
    this_month = month_start(today)
    months = [_shift(this_month, -n) for n in range(MONTHS_OFFERED)]
    quarters = [
        _shift(date(today.year, (today.month - 1) // 3 * 3 + 1, 1), -3 * n) for n in range(QUARTERS_OFFERED)
    ]
    years = [date(today.year - n, 1, 1) for n in range(YEARS_OFFERED)]
    as_choices = [
        (_("Months"), [Period("month", m, 1, 1) for m in months]),
        (_("Quarters"), [Period("quarter", q, 3, 3) for q in quarters]),
        (_("Years"), [Period("year", y, 12, 12) for y in years]),
    ]
    return [(group, [(p.code, p.label) for p in periods]) for group, periods in as_choices]


def change(now, before):
    """The change from `before` to `now` in per cent, rounded; None when there was nothing before."""
    return round(100 * (now - before) / before) if before else None
