"""Numbers, money, phones and dates as Vietnamese readers expect them, in one place.

1.028 and 52.800 đ in Vietnamese (1,028 and 52,800 đ in English); phones stored as +84… shown
0912 345 678; dates dd/mm/yyyy in Asia/Ho_Chi_Minh. Django's own Vietnamese locale has no digit
grouping, which is how dashboards came to show "1927" next to "1.028".
"""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import formats, numberformat

from vietnamese.phones import InvalidPhone, parse_phone

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def number(value: float | Decimal | str | None, decimals: int | None = None) -> str:
    """1028 -> "1.028" (vi) / "1,028" (en); `decimals` fixes the digits after the comma."""
    if value is None or value == "":
        return ""
    return numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def money(value: float | Decimal | None) -> str:
    """52800 -> "52.800 đ" (a no-break space keeps the sign with the amount)."""
    return f"{number(round(value))}\u00a0đ" if value is not None else ""


def phone(value: object) -> str:
    """ "+84912345678" -> "0912 345 678"; text that is no Vietnamese mobile is shown as it is."""
    if not value:
        return ""
    try:
        return parse_phone(value).national
    except InvalidPhone:
        return str(value)


def day(value: date | None) -> str:
    """A date, or a moment in Vietnam's time zone, as dd/mm/yyyy."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(VIETNAM)
    return f"{value:%d/%m/%Y}"
