"""The legal clocks of people's requests and of breaches, in Asia/Ho_Chi_Minh.

- A request is acknowledged within 2 working days: counted from the day after it arrives,
  Saturdays and Sundays skipped, due at the end (midnight) of the second working day. Public
  holidays (Tết, 30/4, 1/5, 2/9) are not skipped: the clock is then a day or more stricter than
  the law, never looser, and there is no holiday list to keep up to date.
- A withdrawal of consent is done within 15 days of arriving (calendar days).
- A breach is notified within 72 hours of its discovery.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

ACKNOWLEDGE_WORKING_DAYS = 2
WITHDRAWAL_DAYS = 15
BREACH_NOTIFY_HOURS = 72
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
SATURDAY = 5


def working_days_after(moment, days):
    """The end (next midnight, local time) of the `days`-th working day after `moment`'s day."""
    day = moment.astimezone(VIETNAM).date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            counted += 1
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=VIETNAM)


def acknowledge_due(received_at):
    return working_days_after(received_at, ACKNOWLEDGE_WORKING_DAYS)


def withdrawal_due(received_at):
    return received_at + timedelta(days=WITHDRAWAL_DAYS)


def breach_notify_due(discovered_at):
    return discovered_at + timedelta(hours=BREACH_NOTIFY_HOURS)
