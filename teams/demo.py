"""Demo villages in two provinces: Hà Nội (a ward and a craft-village commune) and Lào Cai."""

from teams.admin_map import load_admin_map
from teams.models import Commune, Village

DEMO_VILLAGES = {
    "00070": [
        ("Tổ dân phố số 1", Village.Kind.RESIDENTIAL_GROUP),
        ("Tổ dân phố số 2", Village.Kind.RESIDENTIAL_GROUP),
    ],
    "00583": [("Thôn Giang Cao", Village.Kind.VILLAGE), ("Thôn Kim Lan", Village.Kind.VILLAGE)],
    "03037": [("Thôn Tả Van Giáy", Village.Kind.VILLAGE), ("Thôn Lao Chải", Village.Kind.VILLAGE)],
    "03006": [("Tổ dân phố Cầu Mây", Village.Kind.RESIDENTIAL_GROUP)],
}


def load(stdout):
    if not Commune.objects.exists():
        result = load_admin_map()
        stdout.write(f"Map: {result.provinces} provinces, {result.communes} communes.")
    for commune_code, villages in DEMO_VILLAGES.items():
        commune = Commune.objects.get(code=commune_code)
        for name, kind in villages:
            village = Village.objects.filter(commune=commune).find(name) or Village(
                commune=commune, name=name
            )
            village.kind = kind
            village.save()
    stdout.write(f"Villages: {Village.objects.count()}.")
