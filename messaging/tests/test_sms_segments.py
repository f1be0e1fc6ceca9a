"""Segment counts and cost shown before a bulk send: Vietnamese with accents costs about double."""

import pytest

from messaging.segments import count_segments, estimate, unaccented


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("a" * 160, "gsm7", 1),
        ("a" * 161, "gsm7", 2),  # 153 per segment once split
        ("a" * 306, "gsm7", 2),
        ("a" * 307, "gsm7", 3),
        ("€" * 80, "gsm7", 1),  # the extension table takes two septets each
        ("€" * 81, "gsm7", 2),
        ("ă" * 70, "ucs2", 1),
        ("ă" * 71, "ucs2", 2),  # 67 per segment once split
        ("ă" * 134, "ucs2", 2),
        ("ă" * 135, "ucs2", 3),
        ("", "gsm7", 1),
    ],
)
def test_segment_limits(text, encoding, segments):
    counted = count_segments(text)
    assert (counted.encoding, counted.segments) == (encoding, segments)


def test_one_accented_letter_makes_the_whole_text_ucs2():
    assert count_segments("Hop to luc 8h sang thu Hai tai nha van hoa thon").encoding == "gsm7"
    assert count_segments("Họp tổ lúc 8h").encoding == "ucs2"


def test_the_unaccented_variant_reads_the_same_without_marks():
    assert unaccented("Đường Trần Hưng Đạo, thôn Giang Cao") == "Duong Tran Hung Dao, thon Giang Cao"


def test_estimate_shows_both_costs(settings):
    settings.SMS_COST_PER_SEGMENT = 800
    text = "Kính mời các thành viên tổ công nghệ số tham dự buổi tập huấn kỹ năng số tại nhà văn hóa thôn"
    result = estimate(text, recipients=100)
    assert (result.encoding, result.segments_each, result.unaccented_segments_each) == ("ucs2", 2, 1)
    assert (result.cost, result.unaccented_cost) == (160_000, 80_000)
