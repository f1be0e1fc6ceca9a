"""What a word was meant to be when it was typed with the Vietnamese keyboard switched off.

Vietnamese is typed on a Latin keyboard through an input method: Telex adds marks with letters
("kichs" is "kích", "hoatj" "hoạt", "dd" "đ", "uw" "ư", "aa" "â"), VNI with digits ("kich1",
"hoat5", "d9"). With the input method off, or lagging on a cheap phone, those keys stay in the
text as typed. Search compares folded words (no marks, `vietnamese.text.fold`), so reading such a
word only means taking the keys that would have made marks back out of it.

A reading is offered only when what is left is one Vietnamese syllable, and callers use it only
when the word as typed finds nothing: "bus" reads as "bú" → "bu", which must not replace an
English word that the pages hold.
"""

import re

_ONSET = r"ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|dd|[bcdghklmnpqrstvx]"
_CODA = r"ch|ng|nh|[cmnpt]"
_TONE = r"[sfrxjz]"
# A Telex syllable: onset, vowels (w and doubled vowels are marks), a tone key after the vowels
# or at the very end, and the final consonants.
_TELEX = re.compile(rf"^(?P<onset>{_ONSET})?(?P<vowels>[aeiouyw]{{1,6}}){_TONE}?(?P<coda>{_CODA})?{_TONE}?$")
# A syllable with no marks left: what a VNI word must become once its digits are taken out.
_SYLLABLE = re.compile(rf"^(?:{_ONSET})?[aeiouy]{{1,3}}(?:{_CODA})?$")
_VNI_KEYS = re.compile(r"[1-9]")


def unmarked_reading(word: str) -> str | None:
    """The folded syllable a Telex or VNI word stands for ("kichs", "kich1" → "kich"), or None
    when the word is not such residue (already plain, two syllables, or not a syllable at all).

    `word` is one folded word (lower case, no diacritics), as `vietnamese.text.search_key` gives.
    """
    if len(word) < 2 or not word.isascii():
        return None
    if _VNI_KEYS.search(word) and word[0].isalpha():
        plain = _VNI_KEYS.sub("", word)
        return plain if _SYLLABLE.match(plain) else None
    match = _TELEX.match(word)
    if match is None:
        return None
    onset = (match["onset"] or "").replace("dd", "d")
    vowels = re.sub(r"(?<=[aou])w", "", match["vowels"]).replace("w", "u")
    vowels = re.sub(r"([aeo])\1", r"\1", vowels)
    reading = f"{onset}{vowels}{match['coda'] or ''}"
    if reading == word or not _SYLLABLE.match(reading):
        return None
    return reading
