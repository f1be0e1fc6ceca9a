import pytest
from django.utils import translation

from vietnamese.phones import InvalidPhone, LandlinePhone, parse_phone


@pytest.mark.parametrize(
    "written",
    [
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "84912345678",
        "+84 912 345 678",
        "912345678",
        912345678,
        912345678.0,
        "912345678.0",
    ],
)
def test_common_writings_become_e164(written):
    phone = parse_phone(written)
    assert phone.e164 == "+84912345678"
    assert not phone.converted_from_legacy


def test_old_eleven_digit_number_is_converted_and_flagged():
    phone = parse_phone("0169 345 6789")
    assert phone.e164 == "+84393456789"
    assert phone.converted_from_legacy


def test_national_form_for_display():
    assert parse_phone("+84912345678").national == "0912 345 678"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("091234", "091234"),
        ("abc", "abc"),
        ("", "missing"),
        ("+1 202 555 0100", "Vietnamese"),
        ("0243 826 1234", "landline: it cannot receive text messages"),
        ("(0210) 3846 123", "landline"),
        ("+84 28 3829 1234", "landline"),
        ("0201 234 567", "not a Vietnamese mobile"),  # no such landline: the usual message
    ],
)
def test_garbage_is_refused_with_a_message_naming_it(written, message):
    with translation.override("en"), pytest.raises(InvalidPhone) as error:
        parse_phone(written)
    assert message in str(error.value)


def test_a_landline_is_its_own_kind_of_refusal():
    with translation.override("vi"), pytest.raises(LandlinePhone) as error:
        parse_phone("024 3825 1234")
    assert str(error.value) == (
        "Số điện thoại 024 3825 1234 là số máy bàn: không nhận được tin nhắn. Hãy ghi số di động."
    )


def test_message_is_in_vietnamese_for_vietnamese_users():
    with translation.override("vi"), pytest.raises(InvalidPhone) as error:
        parse_phone("091234")
    assert str(error.value) == "Số điện thoại 091234 không hợp lệ: cần 10 chữ số."


@pytest.mark.parametrize(
    "written",
    ["０９１２ ３４５ ６７８", "٠٩١٢٣٤٥٦٧٨", "۰۹۱۲۳۴۵۶۷۸", "+８４ ９１２ ３４５ ６７８", "٩١٢٣٤٥٦٧٨"],
)
def test_digits_of_other_scripts_are_the_same_number_in_ascii(written):
    """Full-width, Arabic-Indic and Persian digits pass isdigit(): stored as typed, they made a
    second spelling of one number that limits, duplicate checks and erasure never matched."""
    assert parse_phone(written).e164 == "+84912345678"
