"""A phone or ID number typed in a post is masked before publishing; years, prices, dates and
decision numbers are left alone (forum/masking.py)."""

import pytest

from forum.masking import mask_numbers

NUMBERS = [
    "0912345678",
    "0912 345 678",
    "0912.345.678",
    "0912-345-678",
    "091 234 5678",
    "+84912345678",
    "+84 912 345 678",
    "84912345678",
    "0388123456",
    "0567 888 999",
    "0708.123.456",
    "0868 11 22 33",
    "0981234567",
    "024 3825 1234",
    "02438251234",
    "0236 3822 555",
    "001090012345",
    "001 090 012 345",
    "079203001234",
    "038.195.004.567",
    "012345678",
    "123456789",
    "(0912) 345 678".replace("(", "").replace(")", ""),
    "SĐT0912345678",
    "0912  345 678",
    "0912   345  678",
]
TRAPS = [
    "năm 2024",
    "sinh năm 1985",
    "52.800 đ",
    "1.250.000 đồng",
    "152.800.000 đồng",
    "giá 2,500,000 VND",
    "ngày 12/05/2024",
    "12-05-2024",
    "12.05.2024",
    "Quyết định 757/QĐ-BKHCN",
    "Nghị định 13/2023/NĐ-CP",
    "Thông tư 59/2022/TT-BCA",
    "lúc 10:30",
    "mã bưu chính 100000",
    "tăng 15%",
    "số 123/456 đường Láng",
    "tổng đài 1022",
    "gọi 113",
    "mã OTP 123456",
    "mức 2 VNeID",
    "100.000.000 đ",
    "phòng 1203 tầng 12",
    "từ 8h đến 17h",
    "giá 150000000 đồng",
    "giá 150000000đ",
    "phí 250000000 VND",
    "mã vận đơn EB123456789 đã giao",
]


def test_there_are_enough_cases():
    assert len(NUMBERS) >= 20
    assert len(TRAPS) >= 20


@pytest.mark.parametrize("number", NUMBERS)
def test_every_phone_and_id_number_is_masked(number):
    masked, count = mask_numbers(f"Xin gọi cho tôi theo số {number} nhé.")
    assert count == 1
    assert sum(ch.isdigit() for ch in masked) <= 2, masked


@pytest.mark.parametrize("trap", TRAPS)
def test_no_year_price_date_or_decision_number_is_masked(trap):
    text = f"Theo {trap}, tôi cần làm gì?"
    assert mask_numbers(text) == (text, 0)
