"""How many SMS segments a text costs, and its unaccented variant.

Vietnamese with diacritics is outside the GSM-7 alphabet, so such a text goes as UCS-2: 70
characters in one segment, 67 per segment once split, against 160/153 for GSM-7. Senders strip
accents to cut the cost by about half; officers see both counts before a bulk send.
"""

from dataclasses import dataclass

from django.conf import settings

from vietnamese.text import normalize, strip_diacritics

# GSM 03.38 basic alphabet, and the extension table whose characters take two septets.
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€\f")
LIMITS = {"gsm7": (160, 153), "ucs2": (70, 67)}


@dataclass(frozen=True)
class SegmentCount:
    encoding: str  # "gsm7" or "ucs2"
    length: int  # in septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def count_segments(text: str | None) -> SegmentCount:
    text = normalize(text) or ""
    if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text):
        encoding = "gsm7"
        length = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
    else:
        encoding = "ucs2"
        length = len(text.encode("utf-16-le")) // 2
    single, multi = LIMITS[encoding]
    segments = 1 if length <= single else -(-length // multi)
    return SegmentCount(encoding, length, segments)


def unaccented(text: str | None) -> str:
    """The text without Vietnamese diacritics ('Lịch tập huấn' -> 'Lich tap huan'), GSM-7 if it can be."""
    return strip_diacritics(normalize(text) or "")


@dataclass(frozen=True)
class Estimate:
    """What a bulk send will cost, as it is and without accents, for the officer to choose."""

    recipients: int
    encoding: str  # of the text as given: "gsm7" or "ucs2"
    segments_each: int
    unaccented_segments_each: int
    cost: int  # in SMS_COST_PER_SEGMENT's currency (VND)
    unaccented_cost: int


def estimate(text: str, recipients: int) -> Estimate:
    price = settings.SMS_COST_PER_SEGMENT
    counted = count_segments(text)
    accented = counted.segments
    plain = count_segments(unaccented(text)).segments
    return Estimate(
        recipients,
        counted.encoding,
        accented,
        plain,
        accented * recipients * price,
        plain * recipients * price,
    )
