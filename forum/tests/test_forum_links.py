"""A link is found by its shape, whatever its top-level domain (a new person may post none:
forum/limits.py), and the dots of Vietnamese numbers, dates, decisions and abbreviations are not
taken for one."""

import pytest

from forum.limits import has_link

LINKS = [
    "https://lua-dao.example.com",
    "www.lua-dao.vn",
    "WWW.KHUYENMAI.VN",
    "bit.ly/3xYz9",
    "Bit.ly/3xYz9",
    "goo.gl/abc",
    "vào vneid-capnhat.ru ngay",
    "xem tai qua-tang.cc",
    "shop.site",
    "lien he lan@gmail.com",
]
NOT_LINKS = [
    "3.5 triệu",
    "ngày 12.05.2024",
    "Quyết định 757/QĐ-BKHCN",
    "giá 150.000đ",
    "CCCD, VNeID, v.v.",
    "ở TP.HCM",
    "Tôi đã thử rồi.Không được",
    "phiên bản 23.10.1",
    "nặng 1.5kg",
]


@pytest.mark.parametrize("text", LINKS)
def test_a_link_of_any_top_level_domain_is_a_link(text):
    assert has_link(text)


@pytest.mark.parametrize("text", NOT_LINKS)
def test_decimals_dates_decision_numbers_prices_and_abbreviations_are_no_links(text):
    assert not has_link(text)
