"""The sending window: texts go out between SMS_WINDOW_START and SMS_WINDOW_END local time.

Decree 91/2020 allows advertising texts only from 07:00 to 22:00; civic notices are not
advertising, but nobody wants a reminder at 23:00, so everything but sign-in codes waits for
the morning. Sign-in codes go at once: the person is holding the phone, waiting.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _


def _clock(text: str) -> time:
    """'07:00' -> time(7, 0); '24:00' is the end of the day (a window open all day)."""
    hour, minute = map(int, text.split(":"))
    return time.max if (hour, minute) == (24, 0) else time(hour, minute)


def _bounds() -> tuple[time, time]:
    return _clock(settings.SMS_WINDOW_START), _clock(settings.SMS_WINDOW_END)


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment, ZoneInfo(settings.SMS_WINDOW_TIME_ZONE))


def is_open(moment: datetime | None = None) -> bool:
    local = _local(moment or timezone.now())
    start, end = _bounds()
    return start <= local.time() < end


def next_opening(moment: datetime | None = None) -> datetime:
    """The next time the window opens after `moment` (or `moment` itself when it is open)."""
    moment = moment or timezone.now()
    if is_open(moment):
        return moment
    local = _local(moment)
    start, _ = _bounds()
    day = local.date() if local.time() < start else local.date() + timedelta(days=1)
    return datetime.combine(day, start, tzinfo=local.tzinfo)


def last_closing(moment: datetime) -> datetime:
    """When the window last closed at or before `moment` (for pulling a night text back to the evening)."""
    local = _local(moment)
    _, end = _bounds()
    day = local.date() if local.time() >= end else local.date() - timedelta(days=1)
    return datetime.combine(day, end, tzinfo=local.tzinfo)


def when_it_goes(due: datetime | None = None, moment: datetime | None = None) -> str:
    """The words every page uses to say when a text queued now (or due at `due`) will go out.

    "now" inside the window; otherwise the window's next opening, e.g. "at 07:00 tomorrow
    (30/11)": a page must not promise "sent" for a text the outbox holds until morning.
    """
    moment = moment or timezone.now()
    goes = next_opening(max(due or moment, moment))
    if goes <= moment + timedelta(minutes=1):
        return _("now")
    local, today = _local(goes), _local(moment).date()
    values = {"time": f"{local:%H:%M}", "date": f"{local:%d/%m}"}
    if local.date() == today:
        return _("at %(time)s today (%(date)s)") % values
    if local.date() == today + timedelta(days=1):
        return _("at %(time)s tomorrow (%(date)s)") % values
    return _("at %(time)s on %(date)s") % values
