"""Normalising Vietnamese text and comparing it the way people read it.

The same visible word can arrive as different code points: decomposed (NFD) input from macOS
or Windows-1258, and the old or new tone-mark placement (hòa / hoà, thủy / thuỷ), which NFC
leaves different. Text is stored NFC; it is compared through `fold`, an unaccented key in which
every one of those spellings, and the same word typed without diacritics, is equal.
"""

import re
import unicodedata
from functools import lru_cache
from typing import overload

_SPACES = re.compile(r"\s+")
# Marks removed by `fold`: all combining marks (tones, breve, circumflex, horn).
_STROKED_D = str.maketrans({"đ": "d", "Đ": "D"})


@overload
def normalize(value: None) -> None: ...
@overload
def normalize(value: object) -> str: ...
def normalize(value: object) -> str | None:
    """NFC, trimmed, inner runs of white space collapsed to one space. None stays None."""
    if value is None:
        return None
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def strip_diacritics(value: object) -> str:
    """'Nguyễn Văn Đức' -> 'Nguyen Van Duc' (case kept)."""
    decomposed = unicodedata.normalize("NFD", str(value)).translate(_STROKED_D)
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


@lru_cache(maxsize=65_536)
def _fold_text(text: str) -> str:
    return normalize(strip_diacritics(text)).casefold()


def fold(value: object) -> str:
    """The canonical comparison key: no diacritics, no đ, lower case, single spaces.

    fold('Hoà Bình') == fold('hòa bình') == fold('HOA BINH') == 'hoa binh'.
    """
    if value is None:
        return ""
    # Cached: a roster repeats the same communes, villages, roles and workplaces thousands of times.
    return _fold_text(str(value))


_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def search_key(value: object) -> str:
    """`fold` with punctuation turned into spaces, for matching words typed in a search box."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", fold(value))).strip()
