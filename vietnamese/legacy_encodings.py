"""Vietnamese typed in the 8-bit encodings that came before Unicode: TCVN3 (ABC) and VNI.

Old spreadsheets were typed with `.VnTime` fonts (TCVN3, common in the north) or `VNI-Times`
fonts (VNI, common in the south): the file stores ordinary Windows characters and the font draws
them as Vietnamese, so "Nguyễn Văn Đức" arrives as "NguyÔn V¨n §øc" (TCVN3) or "Nguyeãn Vaên
Ñöùc" (VNI). Python has no codec for either, so the tables are here.

TCVN3 is one byte per letter. VNI writes a base vowel followed by a mark character
("a" + "ù" = "á", "a" + "ä" = "ậ"), plus single bytes for ơ, ư, đ and the marked i and ỵ.

Officers copy rows between workbooks, so one sheet may hold Unicode title lines above TCVN3 rows
and a VNI column beside them: `cell_readings` judges each cell by itself. Some cells cannot be told
apart ("Hòa" is valid Unicode and valid VNI for "Hịa"): it says so, and the caller decides them by
their neighbours. `detect` still judges a whole text at once (a CSV file's bytes).
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from vietnamese.text import fold, normalize

UNICODE, TCVN3, VNI = "unicode", "tcvn3", "vni"
NAMES = {TCVN3: "TCVN3 (ABC, .VnTime)", VNI: "VNI (VNI-Times)"}

# TCVN 5712:1993 (VN3): byte -> letter. Capital letters with tone marks do not exist in it
# (.VnTimeH fonts draw the small letters as capitals).
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
_TCVN3_LETTERS = {bytes([code]).decode("latin-1"): letter for code, letter in _TCVN3_BYTES.items()}
_TCVN3_ENCODE = {letter: chars for chars, letter in _TCVN3_LETTERS.items()}
# Capitals with tone marks are typed with the small letter's code in a capitals-only font.
_TCVN3_ENCODE |= {
    letter.upper(): chars
    for letter, chars in list(_TCVN3_ENCODE.items())
    if letter.upper() not in _TCVN3_ENCODE
}
_CAPITALS_WORD = re.compile(r"\S+")

# VNI marks after a vowel: (small, capital) mark character -> combining marks to add.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONES = {("ù", "Ù"): _ACUTE, ("ø", "Ø"): _GRAVE, ("û", "Û"): _HOOK, ("õ", "Õ"): _TILDE, ("ï", "Ï"): _DOT}
_VNI_HATS = {
    ("â", "Â"): "", ("á", "Á"): _ACUTE, ("à", "À"): _GRAVE,
    ("å", "Å"): _HOOK, ("ã", "Ã"): _TILDE, ("ä", "Ä"): _DOT,
}  # fmt: skip
_VNI_BREVES = {
    ("ê", "Ê"): "", ("é", "É"): _ACUTE, ("è", "È"): _GRAVE,
    ("ú", "Ú"): _HOOK, ("ü", "Ü"): _TILDE, ("ë", "Ë"): _DOT,
}  # fmt: skip
# Single characters: ơ, ư, đ, the marked i (which takes no second byte) and ỵ.
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "î": "ỵ", "Î": "Ỵ",
    "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
}  # fmt: skip


def _vni_pairs() -> dict[str, str]:
    pairs = {}
    for bases, groups in (
        ("aAeEoO", (_VNI_TONES, _VNI_HATS)),
        ("aA", (_VNI_BREVES,)),
        ("uUyY", (_VNI_TONES,)),
    ):
        for base in bases:
            capital = base.isupper()
            for group in groups:
                for marks, tone in group.items():
                    hat = _CIRCUMFLEX if group is _VNI_HATS else _BREVE if group is _VNI_BREVES else ""
                    pairs[base + marks[capital]] = unicodedata.normalize("NFC", base + hat + tone)
    for base, letter in (("ô", "ơ"), ("Ô", "Ơ"), ("ö", "ư"), ("Ö", "Ư")):
        for marks, tone in _VNI_TONES.items():
            pairs[base + marks[base.isupper()]] = unicodedata.normalize("NFC", letter + tone)
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_MARKS = {mark for group in (_VNI_TONES, _VNI_HATS, _VNI_BREVES) for marks in group for mark in marks}
_VNI_ENCODE = {letter: chars for chars, letter in {**_VNI_SINGLE, **_VNI_PAIRS}.items()}

# Letters with marks that also exist in Latin-1: in a Unicode sheet, these are the only
# characters between U+0080 and U+00FF that Vietnamese text uses.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def decode_tcvn3(text: str) -> str:
    """TCVN3 to Unicode; a word in capitals (typed in a .VnTimeH font) stays in capitals."""

    def word(match: re.Match[str]) -> str:
        typed = match.group(0)
        decoded = "".join(_TCVN3_LETTERS.get(char, char) for char in typed)
        capitals = [char for char in typed if char.isascii() and char.isalpha()]
        return decoded.upper() if len(capitals) > 1 and all(char.isupper() for char in capitals) else decoded

    return _CAPITALS_WORD.sub(word, text)


def _read_vni(text: str) -> tuple[str, int]:
    """(the text read as VNI, how many VNI marks followed no vowel they could sit on)."""
    out: list[str] = []
    index, loose_marks = 0, 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair in _VNI_PAIRS:
            out.append(_VNI_PAIRS[pair])
            index += 2
            continue
        char = text[index]
        loose_marks += char in _VNI_MARKS
        out.append(_VNI_SINGLE.get(char, char))
        index += 1
    return "".join(out), loose_marks


def _vni_strays(text: str) -> int:
    """Loose VNI marks, and symbols that VNI reading leaves (a TCVN3 "§" is no VNI letter)."""
    decoded, loose_marks = _read_vni(text)
    return loose_marks + stray_symbols(unicodedata.normalize("NFC", decoded))


def decode_vni(text: str) -> str:
    return _read_vni(text)[0]


def encode_tcvn3(text: str) -> str:
    """Unicode -> the characters a TCVN3 spreadsheet holds (for templates of old files and tests)."""
    return "".join(_TCVN3_ENCODE.get(char, char) for char in unicodedata.normalize("NFC", text))


def encode_vni(text: str) -> str:
    return "".join(_VNI_ENCODE.get(char, char) for char in unicodedata.normalize("NFC", text))


_DECODERS = {TCVN3: decode_tcvn3, VNI: decode_vni}


def stray_symbols(text: str) -> int:
    """How many characters of `text` are Latin-1 symbols no Vietnamese word contains."""
    return sum(1 for char in text if "\x80" <= char <= "\xff" and char not in _VIETNAMESE_LATIN1)


_VIETNAMESE_ALPHABET = {
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưy"
    for tone in ("", _ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
} | {"đ"}
_VIETNAMESE_ALPHABET |= {letter.upper() for letter in _VIETNAMESE_ALPHABET}


def foreign_characters(text: str) -> int:
    """How many characters of `text` are neither ASCII nor Vietnamese letters (Japanese, symbols…)."""
    return sum(
        1
        for char in unicodedata.normalize("NFC", text)
        if not char.isascii() and char not in _VIETNAMESE_ALPHABET
    )


# ă, đ, ơ, ư, ạ…: outside Latin-1, so no legacy font file can contain them; combining marks (NFD
# or Windows-1258 text) likewise.
_UNICODE_ONLY = re.compile("[\u0100-\u1eff\u0300-\u036f]")
_TONES = {_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT}
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
    # The vowel groups Vietnamese writes (unaccented), those ending a syllable first: "noọi",
    # "leâ" or "taõn" are no syllable.
    r"(?:(?:ieu|yeu|oai|oay|oeo|uoi|uou|uya|uyu|uay|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu)"
    r"|(?:uye|ie|oa|oe|oo|ua|ue|uo|uy|ye|[aeiouy])(?:ch|ng|nh|[cmnpt])?)$"
)
_VOWELS = set("aeiouy")
_WORD = re.compile(r"[^\W\d_]+")


def odd_words(text: str) -> int:
    """Words that cannot be Vietnamese syllables: two tone marks, four vowels in a row…"""
    odd = 0
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        folded = fold(word)
        if _VOWELS.isdisjoint(folded):
            continue  # an abbreviation (SĐT, TDP) is no word to judge
        tones = sum(1 for char in unicodedata.normalize("NFD", word) if char in _TONES)
        odd += tones > 1 or not _SYLLABLE.match(folded)
    return odd


def detect(texts: Iterable[str | None]) -> str:
    """UNICODE, TCVN3 or VNI: the reading of all `texts` (one sheet's cells) that makes most sense.

    The reading that leaves fewest stray symbols wins, then the one with fewest impossible
    syllables; Unicode wins ties, so a plain unaccented sheet is never "converted".
    """
    present = [text for text in texts if text]
    if any(_UNICODE_ONLY.search(text) for text in present):
        return UNICODE
    joined = "\n".join(present)
    if not stray_symbols(joined):
        return UNICODE
    readings = {UNICODE: joined} | {name: decode(joined, name) for name in _DECODERS}
    strays = {
        UNICODE: stray_symbols(joined),
        TCVN3: sum(1 for char in joined if "\x80" <= char <= "\xff" and char not in _TCVN3_LETTERS),
        VNI: _read_vni(joined)[1],
    }
    return min(readings, key=lambda name: (strays[name], odd_words(readings[name])))


@lru_cache(maxsize=16384)
def cell_readings(text: str) -> tuple[str, ...]:
    """The encodings one cell's text reads best in, Unicode first when it is among them.

    One encoding: the cell is sure. Several: the text makes as much sense either way ("Hòa" is
    Unicode "Hòa" and VNI "Hịa"), and the caller decides by the cell's neighbours. Cached: a roster
    repeats the same roles, villages and workplaces on thousands of rows.
    """
    if text.isascii() or _UNICODE_ONLY.search(text):
        return (UNICODE,)
    strays = {
        UNICODE: stray_symbols(text),
        TCVN3: sum(1 for char in text if "\x80" <= char <= "\xff" and char not in _TCVN3_LETTERS),
        VNI: _vni_strays(text),
    }
    fewest = min(strays.values())
    odd = {name: odd_words(decode(text, name)) for name, count in strays.items() if count == fewest}
    best = min(odd.values())
    readings = [name for name, count in odd.items() if count == best]
    if UNICODE in readings:  # a legacy reading that changes nothing is no alternative
        readings = [UNICODE] + [name for name in readings if name != UNICODE and decode(text, name) != text]
    return tuple(readings)


def decode(text: str, encoding: str) -> str:
    """`text` read in `encoding` (UNICODE leaves it as is), normalised to NFC."""
    if encoding in _DECODERS:
        text = _DECODERS[encoding](text)
    return normalize(text)
