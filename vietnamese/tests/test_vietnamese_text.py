import unicodedata

import pytest

from vietnamese.text import fold, normalize, search_key, strip_diacritics
from vietnamese.typing import unmarked_reading
from vietnamese.units import hamlet_core, names_a_hamlet_unit, unit_key, unit_key_candidates


def test_decomposed_input_is_stored_composed():
    typed_on_a_mac = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    assert normalize(typed_on_a_mac) == "Nguyễn Thị Hoà"
    assert unicodedata.is_normalized("NFC", normalize(typed_on_a_mac))


@pytest.mark.parametrize(
    "spelling",
    ["Hoà Bình", "Hòa Bình", "hoà bình", "HÒA BÌNH", "Hoa Binh", unicodedata.normalize("NFD", "Hòa Bình")],
)
def test_every_spelling_of_a_name_folds_to_one_key(spelling):
    assert fold(spelling) == "hoa binh"


def test_tone_placement_variants_fold_together():
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_stroked_d_is_folded():
    assert fold("Đặng Đình Đức") == "dang dinh duc"
    assert strip_diacritics("Đà Nẵng") == "Da Nang"


def test_spaces_are_collapsed_and_none_is_kept():
    assert normalize("  Phường  Tân   Lập ") == "Phường Tân Lập"
    assert normalize(None) is None


def test_search_key_ignores_punctuation():
    assert search_key("Kích hoạt VNeID (mức 2)!") == "kich hoat vneid muc 2"


@pytest.mark.parametrize(
    "written", ["Xã Tân Lập", "X. Tân Lập", "xã tân lập", "Tân Lập", "TAN LAP", "x.Tan Lap"]
)
def test_unit_names_with_or_without_type_match_the_stored_key(written):
    assert unit_key("Xã Tân Lập") in unit_key_candidates(written)


def test_a_name_that_starts_like_a_type_word_is_not_cut():
    # The ward "Tô Hiệu" must not be read as "Tổ Hiệu".
    assert unit_key("Phường Tô Hiệu") == "to hieu"
    assert unit_key_candidates("to hieu")[0] == "to hieu"


def test_a_numbered_village_keeps_its_type():
    assert unit_key("Thôn 5") == "thon 5"
    assert unit_key("Tổ dân phố 5") != unit_key("Thôn 5")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("kichs", "kich"),  # Telex: tone key at the end
        ("kisch", "kich"),  # ... or straight after the vowel
        ("hoatj", "hoat"),
        ("dduwowngf", "duong"),  # đ, ư, ơ and a tone
        ("nguwowif", "nguoi"),
        ("luwaf", "lua"),
        ("kich1", "kich"),  # VNI: digits for marks
        ("hoat5", "hoat"),
        ("d9uong72", "duong"),
    ],
)
def test_a_word_typed_with_the_keyboard_off_reads_as_the_word_meant(typed, meant):
    assert unmarked_reading(typed) == meant


@pytest.mark.parametrize("word", ["kich", "vneid", "scams", "apps", "message", "covid19", "4g", "qr", "x"])
def test_plain_words_and_non_syllables_have_no_reading(word):
    assert unmarked_reading(word) is None


@pytest.mark.parametrize(
    "header", ["thon ban", "ap", "khu pho", "ten xom", "thon to dan pho", "buon plei", "soc"]
)
def test_any_combination_of_hamlet_words_heads_a_village_column(header):
    assert names_a_hamlet_unit(header)


@pytest.mark.parametrize("header", ["ten", "xa phuong", "to cong nghe so", "ghi chu", "thon dong"])
def test_other_headers_are_not_hamlet_columns(header):
    assert not names_a_hamlet_unit(header)


def test_a_hamlet_written_with_or_without_its_words_has_one_core():
    assert hamlet_core("Thôn Bản Chợ") == hamlet_core("Bản Chợ") == hamlet_core("ban cho") == "cho"
    assert hamlet_core("Thôn 5") == "thon 5" != hamlet_core("Tổ 5")
