"""One cell's value, as typed, to what the platform stores; or a message that says how to fix it.

Each `clean_*` returns the clean value or raises `CellError` (its str() is the message, in the
officer's language). A phone's conversion note comes back beside it. What only a team member has
(role, gender, workplace) is cleaned in teams/roster_kinds/cleaning.py.
"""

import re
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from rosters.cells import cell_text
from vietnamese.phones import InvalidPhone, LandlinePhone, parse_phone
from vietnamese.text import fold, normalize

_DATE_TEXT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any alphabet


class CellError(ValueError):
    pass


def clean_name(value):
    name = normalize(cell_text(value))
    if not _LETTER.search(name):
        raise CellError(
            _("Full name %(value)s is not a name: write the member's full name.") % {"value": name}
        )
    if len(name) > 150:
        raise CellError(_("Full name is longer than 150 characters."))
    return name


def clean_phone(value):
    """(E.164, message about a conversion or None)."""
    try:
        phone = parse_phone(cell_text(value))
    except InvalidPhone as error:
        raise CellError(str(error)) from None
    note = None
    if phone.converted_from_legacy:
        note = _("Old 11-digit number %(old)s converted to %(new)s.") % {
            "old": cell_text(value),
            "new": phone.national,
        }
    return phone.e164, note


def clean_date(value):
    """A date from an Excel date, an Excel serial number, or dd/mm/yyyy text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 <= value < 80000:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = cell_text(value)
    match = _DATE_TEXT.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise CellError(
        _("Date %(value)s is not valid: write day/month/year, for example 15/03/2023.") % {"value": text}
    )


def clean_birth_year(value):
    text = cell_text(value)
    if text.isdigit() and len(text) == 4:
        year = int(text)
    else:
        try:
            year = clean_date(value).year
        except CellError:
            raise CellError(
                _("Year of birth %(value)s is not valid: write the year, for example 1985.") % {"value": text}
            ) from None
    this_year = timezone.localdate().year
    if not this_year - 100 <= year <= this_year - 14:
        raise CellError(
            _("Year of birth must be between %(first)s and %(last)s.")
            % {"first": this_year - 100, "last": this_year - 14}
        )
    return year


def clean_past_date(value):
    day = clean_date(value)
    if day > timezone.localdate():
        raise CellError(_("Date %(value)s is in the future.") % {"value": day.strftime("%d/%m/%Y")})
    return day


def clean_population(value):
    text = cell_text(value).replace(".", "").replace(",", "").replace(" ", "")
    if not text.isdigit():
        raise CellError(_("Population %(value)s is not a number.") % {"value": cell_text(value)})
    return int(text)


# The surnames most Vietnamese people carry (about nine in ten): the evidence that a column nobody
# named holds people's names. Folded, so "Nguyen Van An" typed without marks counts too.
_SURNAMES = frozenset(
    [
        "nguyen",
        "tran",
        "le",
        "pham",
        "hoang",
        "huynh",
        "phan",
        "vu",
        "vo",
        "dang",
        "bui",
        "do",
        "ho",
        "ngo",
        "duong",
        "ly",
        "dinh",
        "trinh",
        "doan",
        "lam",
        "mai",
        "luong",
        "ha",
        "cao",
        "kieu",
        "tong",
        "truong",
        "quach",
        "lu",
        "luu",
        "chu",
        "la",
        "thai",
        "van",
        "tang",
        "ta",
        "mac",
        "vuong",
        "lai",
    ]
)


def looks_like_name(text):
    """'Nguyễn Văn An': two to six capitalised words, the first a common surname."""
    words = text.split()
    return (
        2 <= len(words) <= 6
        and all(word.isalpha() and word[0].isupper() for word in words)
        and fold(words[0]) in _SURNAMES
    )


def looks_like_phone(value):
    """A mobile or fixed-line number (what a header row never holds)."""
    text = cell_text(value)
    if sum(char.isdigit() for char in text) < 9:
        return False
    try:
        parse_phone(text)
    except LandlinePhone:
        return True
    except InvalidPhone:
        return False
    return True


def looks_like_year(text):
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100
