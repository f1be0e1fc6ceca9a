"""The roster tests' map and officer, shared instead of copied into each file."""

import pytest

from tests.factories_rosters import commune_officer, roster_map


@pytest.fixture
def places():
    """Phú Thọ with Tân Lập and Hùng Vương, and Lào Cai's Yên Lạc outside the officer's scope."""
    return roster_map()


@pytest.fixture
def officer(places):
    """Tân Lập's commune officer (the admin pages' files add the admin's door on top)."""
    return commune_officer(places[1])
