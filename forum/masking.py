"""Phone numbers and national ID numbers typed in a post are masked before anyone reads it.

People paste their number ("call me on 0912 345 678") or their ID card number into questions;
once published, every reader and every search engine has it. A run of digits (with spaces, dots
or dashes inside) is masked when its digits form a Vietnamese phone number (mobile 0[35789]…,
landline 02…, with or without +84) or an ID number (12-digit citizen ID starting with 0, 9-digit
old ID card). What is not masked, on purpose: years, dates (12/05/2024, 12-05-2024), prices and
counts grouped in thousands (52.800 đ, 152.800.000 đồng), decision and document numbers
(757/QĐ-BKHCN), times and short codes: their digits never take those shapes, or they are followed
by "/" or grouped as money, and a 9-digit run followed by a currency ("150000000 đồng") is a price,
not an old ID card. A number glued to letters is masked only when it is a phone number: people
write "SĐT0912345678", while codes such as "EB123456789" are no one's number.
forum/tests/test_forum_masking.py holds the numbers and the traps.
"""

import re

# A candidate: digits with separators inside (a dot, a dash or up to three spaces: phones type
# "0912  345 678"), not glued to "/" or other digits, nor followed by letters.
_CANDIDATE = re.compile(r"(?<![\d_/+.,-])(\+?\d(?:(?:[.\-]| {1,3})?\d){8,13})(?![\w/]|[.,-]\d)")
_CURRENCY = re.compile(r"\s*(?:đ|đồng|₫|vnđ|vnd|dong)(?!\w)", re.I)
_PHONE = re.compile(r"^(?:\+?84|0)(?:[35789]\d{8}|2\d{9})$")
_CITIZEN_ID = re.compile(r"^0\d{11}$")
_OLD_ID = re.compile(r"^\d{9}$")
# 1 to 3 digits (never a leading 0), then groups of three after a dot or comma: money and counts, never an ID.
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$")
MASK = "x"


def _digits(text):
    return "".join(ch for ch in text if ch.isdigit())


def _is_private(token, glued, after):
    """Whether `token` is a phone or ID number; `glued`: a letter comes right before it; `after`:
    the text that follows it."""
    digits = _digits(token)
    if _PHONE.match(digits):
        return True
    if glued or _THOUSANDS.match(token):
        return False
    if _OLD_ID.match(digits) and _CURRENCY.match(after):
        return False
    return bool(_CITIZEN_ID.match(digits) or _OLD_ID.match(digits))


def _mask(token):
    """Keep the first two characters (0 9, +8) and the separators; every other digit becomes x."""
    head, tail = token[:2], token[2:]
    return head + "".join(MASK if ch.isdigit() else ch for ch in tail)


def mask_numbers(text):
    """`text` with every phone and ID number masked, and how many were masked."""
    count = 0

    def replace(match):
        nonlocal count
        token = match.group(1)
        start, end = match.span(1)
        glued = start > 0 and text[start - 1].isalpha()
        if not _is_private(token, glued, text[end : end + 8]):
            return token
        count += 1
        return _mask(token)

    return _CANDIDATE.sub(replace, text), count
