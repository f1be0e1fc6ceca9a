"""Fixtures the teams tests share."""

import pytest

from places.models import Village
from tests.factories_teams import TeamFactory


@pytest.fixture
def teams(places):
    """Thôn Đông and Thôn Tây of Xã Tân Lập, each with its team; Thôn Bắc of a commune elsewhere."""
    _province, tan_lap, _hung_vuong, other = places
    found = {}
    for name in ("Thôn Đông", "Thôn Tây"):
        village = Village.objects.create(commune=tan_lap, name=name)
        found[name] = TeamFactory(village=village, commune=tan_lap)
    elsewhere = Village.objects.create(commune=other, name="Thôn Bắc")
    found["Thôn Bắc"] = TeamFactory(village=elsewhere, commune=other)
    return found
