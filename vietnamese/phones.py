"""Vietnamese mobile numbers as spreadsheets and people write them, stored as +84 E.164.

Accepted: "0912 345 678", "0912.345.678", "84912345678", "+84 912 345 678", 912345678 (a cell
that lost its leading zero, maybe as 912345678.0), and the 11-digit numbers renumbered in 2018
("0169 345 6789" becomes "039 345 6789"; the result says it was converted so callers can flag it).
A fixed line ("024 3825 1234") is refused with its own message: it is a real number, but no text
message reaches it.

Digits that are not ASCII ("９１２…" full-width, "٩١٢…" Arabic-Indic, "۹۱۲…" Persian) pass
`str.isdigit()` and phonenumbers reads them, so without `ascii_digits` one number could be stored
in several spellings, slipping past per-number limits, duplicate checks, "my data" and erasure.
"""  # noqa: RUF002  (the digits named are the point)

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from django.utils.translation import gettext as _

# 11-digit prefixes moved to 10 digits in 2018 (Ministry of Information and Communications).
LEGACY_PREFIXES = {
    # Viettel
    "0162": "032", "0163": "033", "0164": "034", "0165": "035",
    "0166": "036", "0167": "037", "0168": "038", "0169": "039",
    # MobiFone
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    # VinaPhone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    # Vietnamobile
    "0186": "056", "0188": "058",
    # Gmobile
    "0199": "059",
}  # fmt: skip

_SEPARATORS = re.compile(r"[\s.\-()/]")
_EXCEL_FLOAT = re.compile(r"^([0-9]+)\.0+$")
_ASCII_DIGITS = re.compile(r"^[0-9]+\Z")


class InvalidPhone(ValueError):
    """The text is not a Vietnamese mobile number; str() is a message for the person who typed it."""


class LandlinePhone(InvalidPhone):
    """A Vietnamese fixed line (024 3825 1234): a real number, but no text message reaches it."""


@dataclass(frozen=True)
class Phone:
    e164: str
    converted_from_legacy: bool = False

    @property
    def national(self) -> str:
        """'0912 345 678', the way Vietnamese people read a number."""
        digits = "0" + self.e164[3:]
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit, of any script, written as its ASCII digit (after NFKC,
    which folds full-width forms but leaves Arabic-Indic and Persian digits as they are)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch for ch in text
    )


def _digits(raw: object) -> tuple[str | None, str]:
    """(national digits, cleaned text); national is None when not digits, "" when foreign."""
    text = ascii_digits(str(raw).strip())
    excel = _EXCEL_FLOAT.match(text)
    if excel:
        text = excel.group(1)
    text = _SEPARATORS.sub("", text)
    if text.startswith("+"):
        text = text[1:]
        if _ASCII_DIGITS.match(text) and not text.startswith("84"):
            return "", text  # a valid-looking foreign number
    if not _ASCII_DIGITS.match(text):
        return None, text
    if text.startswith("84") and len(text) in (11, 12):
        text = "0" + text[2:]
    elif not text.startswith("0") and len(text) in (9, 10):
        text = "0" + text
    return text, text


def parse_phone(raw: object) -> Phone:
    """A `Phone` for any common writing of a Vietnamese mobile number, else `InvalidPhone`."""
    if raw is None or str(raw).strip() == "":
        raise InvalidPhone(_("Phone number is missing."))
    shown = str(raw).strip()
    national, _cleaned = _digits(raw)
    if national is None:
        raise InvalidPhone(
            _("Phone number %(raw)s is not valid: use digits only, like 0912 345 678.") % {"raw": shown}
        )
    if not national:
        raise InvalidPhone(_("Phone number %(raw)s is not a Vietnamese mobile number.") % {"raw": shown})
    converted = False
    if len(national) == 11 and national[:4] in LEGACY_PREFIXES:
        national = LEGACY_PREFIXES[national[:4]] + national[4:]
        converted = True
    if national.startswith("02") and _is_landline(national):
        raise LandlinePhone(
            _("Phone number %(raw)s is a landline: it cannot receive text messages. Write a mobile number.")
            % {"raw": shown}
        )
    if len(national) != 10:
        raise InvalidPhone(_("Phone number %(raw)s is not valid: it needs 10 digits.") % {"raw": shown})
    if not _ASCII_DIGITS.match(national) or not _is_mobile_prefix(national[:5]):
        raise InvalidPhone(_("Phone number %(raw)s is not a Vietnamese mobile number.") % {"raw": shown})
    return Phone(e164="+84" + national[1:], converted_from_legacy=converted)


@lru_cache(maxsize=4096)
def _is_mobile_prefix(prefix: str) -> bool:
    """Whether 10-digit numbers starting with `prefix` ("09123") are Vietnamese mobiles.

    Vietnam's mobile patterns are decided by the first four digits after the 0, so asking
    phonenumbers once per prefix gives its answer for every number, and a 50,000-row roster
    does not pay for 50,000 parses.
    """
    number = phonenumbers.parse(prefix + "0" * (10 - len(prefix)), "VN")
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def _is_landline(national: str) -> bool:
    """Whether phonenumbers knows `national` (0 and 10 digits: 024 3825 1234) as a fixed line."""
    try:
        number = phonenumbers.parse(national, "VN")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


def normalize_phone(raw: object) -> str:
    """The E.164 form of a number, or `InvalidPhone`."""
    return parse_phone(raw).e164


def stored_fragment(typed: object) -> str | None:
    """What a search for `typed` looks for in stored +84 numbers: "0915 666 777", "+84915666777",
    "84 915 666 777" and "666 777" all become digits a stored number contains ("915666777",
    "666777"); None when `typed` is not written like (part of) a phone number."""
    text = _SEPARATORS.sub("", str(typed).strip())
    if not text.lstrip("+").isdigit():
        return None
    if text.startswith("+84") or (text.startswith("84") and len(text) >= 11):
        return text.lstrip("+")[2:]
    if text.startswith("0"):
        return text[1:]
    return text.lstrip("+")
