"""Names of administrative units as people write them: with or without type, marks, dots.

"Xã Tân Lập", "X. Tân Lập", "xa tan lap" and "Tân Lập" are one commune. The map stores each
unit under `unit_key` of its official name ("tan lap"); a typed name is looked up through
`unit_key_candidates`, because without diacritics a type word is ambiguous: "to hieu" may be
"Tổ Hiệu" (residential group Hiệu) or the ward "Tô Hiệu".
"""

import re
from collections.abc import Iterable

from vietnamese.text import fold, normalize

# Type words, longest first so "thành phố" wins over "thành" and "tổ dân phố" over "tổ".
_TYPE_WORDS = [
    "thành phố trực thuộc trung ương",
    "thành phố",
    "thị trấn",
    "thị xã",
    "tổ dân phố",
    "khu phố",
    "đặc khu",
    "phường",
    "tỉnh",
    "thôn",
    "bản",
    "buôn",
    "xóm",
    "khóm",
    "làng",
    "ấp",
    "xã",
    "tổ",
]
_ABBREVIATIONS = ["tdp", "tp", "tt", "kp", "p", "x"]


def _prefix_pattern(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in words)
    abbreviations = "|".join(re.escape(word) for word in _ABBREVIATIONS)
    # A type word is followed by a space or a dot; an abbreviation needs a dot, or a space
    # when it is longer than one letter ("TT Cầu Giát", "P. Bến Nghé").
    return re.compile(rf"^(?:(?:{alternatives})(?:\.\s*|\s+)|(?:{abbreviations})\.\s*|(?:tdp|tp|tt|kp)\s+)")


_ACCENTED_PREFIX = _prefix_pattern(_TYPE_WORDS)
_FOLDED_PREFIX = _prefix_pattern([fold(word) for word in _TYPE_WORDS])


def _without_prefix(text: str, pattern: re.Pattern[str]) -> str:
    stripped = pattern.sub("", text, count=1).strip()
    # "Thôn 5" keeps its type: the number alone would match "Tổ 5" of the same commune.
    if not stripped or stripped.isdigit():
        return text
    return stripped


def unit_key(name: object) -> str:
    """The folded name without a type word written with its marks: 'Xã Tân Lập' -> 'tan lap'."""
    lowered = (normalize(name) or "").lower()
    return fold(_without_prefix(lowered, _ACCENTED_PREFIX))


def unit_key_candidates(name: object) -> list[str]:
    """Keys a typed name may stand for, most likely first.

    'xa tan lap' -> ['xa tan lap', 'tan lap']; 'Tô Hiệu' -> ['to hieu'].
    """
    keys = [unit_key(name)]
    folded = fold(name)
    for key in (folded, _without_prefix(folded, _FOLDED_PREFIX)):
        if key not in keys:
            keys.append(key)
    return keys


# The words a hamlet-level unit goes by across the regions (shared/domain.md), longest first.
# Kept apart from _TYPE_WORDS: "Sóc Sơn" or "Khu Tái định cư" is a commune's or a hamlet's whole
# name, so these words are stripped only where a hamlet is meant (headers, village keys).
VILLAGE_WORDS = (
    "tổ dân phố",
    "khu dân cư",
    "khu phố",
    "khu vực",
    "thôn",
    "xóm",
    "làng",
    "bản",
    "buôn",
    "plei",
    "bon",
    "ấp",
    "sóc",
    "khóm",
    "khu",
    "tổ",
)
_FOLDED_VILLAGE_WORDS = tuple(fold(word) for word in VILLAGE_WORDS)
_HEADING_FILLERS = ("ten", "va", "hoac")  # "Tên xóm", "Thôn và bản", "Thôn hoặc tổ dân phố"


def names_a_hamlet_unit(key: str) -> bool:
    """Whether a folded header ("thon ban", "ap", "khu pho", "ten xom") is made only of hamlet
    unit words: any combination of them heads a village column, whichever region made the file."""
    rest, found = f" {key} ", False
    while rest.strip():
        word = next(
            (word for word in (*_FOLDED_VILLAGE_WORDS, *_HEADING_FILLERS) if rest.startswith(f" {word} ")),
            None,
        )
        if word is None:
            return False
        found = found or word not in _HEADING_FILLERS
        rest = rest[len(word) + 1 :]
    return found


def starts_with_hamlet_unit(name: object) -> bool:
    """'Thôn Đông', 'Ấp 3', 'Bản Chợ': a value that names a hamlet by its unit word."""
    key = f"{fold(name)} "
    return any(key.startswith(f"{word} ") for word in _FOLDED_VILLAGE_WORDS)


def hamlet_core(name: object) -> str:
    """A hamlet's name without every unit word before it: 'Thôn Bản Chợ' and 'Bản Chợ' -> 'cho'.

    Officers write one hamlet both ways (a "bản" also called "thôn" since a merger), so villages
    of one commune are also matched on this key; "Thôn 5" keeps its word (see _without_prefix)."""
    text = (normalize(name) or "").lower()
    while True:
        lowered = fold(text)
        word = next((word for word in _FOLDED_VILLAGE_WORDS if lowered.startswith(f"{word} ")), None)
        if word is None:
            return lowered
        stripped = text[len(word) + 1 :].strip()
        if not stripped or stripped.isdigit():
            return lowered
        text = stripped
