"""Households covered and people confirmed per skill group on the officers' dashboards (their own
units only) and on the public progress pages (aggregates, small cells protected)."""

import re

import pytest
from django.urls import reverse

from tests.households_steps import BASIC_757, checked, household, person

pytestmark = pytest.mark.django_db


def _register(world):
    """Bát Tràng: 6 households, 5 covered; Tả Van (Lào Cai): 1 household, covered."""
    for number in range(6):
        made = household(world["villages"]["a"], f"Hộ Bát Tràng {number}")
        if number:
            checked(person(made, f"Hộ Bát Tràng {number}"), BASIC_757)
    checked(person(household(world["villages"]["c"], "Hộ Tả Van"), "Hộ Tả Van"), BASIC_757)


def _figures_table(page):
    table = re.search(r'<table class="data" id="household-figures">(.*?)</table>', page, re.S).group(1)
    return [
        (re.sub(r"<[^>]+>", "", label).strip(), value.strip())
        for label, value in re.findall(r"<tr><td>(.*?)</td><td class=\"n\">(.*?)</td></tr>", table, re.S)
    ]


def test_the_commune_dashboard_shows_households_covered_and_people_per_group(client, world):
    _register(world)
    client.force_login(world.person("commune"))
    page = client.get(reverse("reporting:dashboard_commune", args=[world["a"].pk])).content.decode()
    assert "5 / 6" in page
    groups = re.search(r'id="skill-groups">(.*?)</table>', page, re.S).group(1)
    assert 'Thanh toán</td><td class="n">5' in groups
    assert 'Bộ kỹ năng cơ bản</td><td class="n">5' in groups
    village = reverse("households:village", args=[world["villages"]["a"].pk])
    assert f'<a href="{village}">Hộ gia đình Thôn Giang Cao</a>' in page  # the officer's way in


def test_the_public_pages_count_households_and_protect_small_cells(client, world):
    _register(world)
    lao_cai = dict(_figures_table(client.get("/vi/progress/92/").content.decode()))
    # A register of 1 beside a covered "< 5" would say the one household is covered.
    assert lao_cai["Số hộ trong sổ"] == "&lt; 5"
    assert lao_cai["Số hộ đã phổ cập: có ít nhất một người có kỹ năng số cơ bản"] == "&lt; 5"
    ha_noi = dict(_figures_table(client.get("/vi/progress/91/").content.decode()))
    # 6 would let a reader take it from the country's 7 and find Lào Cai's register of 1.
    assert ha_noi["Số hộ trong sổ"] == "x"
    # 5 alone would let a reader take Hà Nội from the country's 6 and find Lào Cai's 1.
    assert ha_noi["Số hộ đã phổ cập: có ít nhất một người có kỹ năng số cơ bản"] == "x"
    country = dict(_figures_table(client.get("/vi/progress/").content.decode()))
    assert country["Số hộ trong sổ"] == "7"
    assert country["Số hộ đã phổ cập: có ít nhất một người có kỹ năng số cơ bản"] == "x"
    assert "Hộ Tả Van" not in client.get("/vi/progress/92/").content.decode()
