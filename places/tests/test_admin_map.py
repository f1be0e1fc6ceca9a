from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError

from places.loading import load_admin_map
from places.models import Commune, MapLoad, Province

pytestmark = pytest.mark.django_db


def test_map_has_34_provinces_and_3321_communes():
    result = load_admin_map()
    assert (result.provinces, result.communes) == (34, 3321)
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    assert Commune.objects.filter(kind=Commune.Kind.SPECIAL_ZONE).count() == 13
    assert Province.objects.get(code="01").name == "Thành phố Hà Nội"
    assert Commune.objects.get(code="00070").province_id == "01"


def test_running_twice_changes_nothing_and_is_recorded():
    load_admin_map()
    out = StringIO()
    call_command("load_admin_map", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert Commune.objects.count() == 3321
    latest = MapLoad.objects.latest()
    assert (latest.created, latest.updated, latest.source) == (0, 0, "vietnam-provinces")


def test_a_renamed_unit_is_corrected_on_reload():
    load_admin_map()
    Commune.objects.filter(code="00070").update(name="Phường Cũ", name_key="cu")
    result = load_admin_map()
    assert result.updated == 1
    assert Commune.objects.get(code="00070").name == "Phường Hoàn Kiếm"


def test_an_interrupted_load_leaves_the_previous_map(monkeypatch):
    load_admin_map()
    Commune.objects.filter(code="00070").update(name="Phường Cũ", name_key="cu")

    def crash(*args, **kwargs):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(MapLoad.objects, "create", crash)
    with pytest.raises(DatabaseError):
        load_admin_map()
    assert Commune.objects.get(code="00070").name == "Phường Cũ"


@pytest.mark.parametrize("typed", ["Xã Tân Lập", "tan lap", "X. Tân Lập", "TÂN LẬP"])
def test_communes_are_found_by_name_however_typed(typed):
    load_admin_map()
    quang_tri = Province.objects.find("Quảng Trị")
    found = Commune.objects.filter(province=quang_tri).find(typed)
    assert found.code == "19462"


def test_ambiguous_name_finds_nothing_rather_than_the_wrong_unit():
    load_admin_map()
    assert Commune.objects.named("Tân Lập").count() >= 4
    assert Commune.objects.find("Tân Lập") is None


def test_province_found_without_its_type():
    load_admin_map()
    assert Province.objects.find("ha noi").code == "01"
    assert Province.objects.find("TP. Hồ Chí Minh").code == "79"
