from teams.models.places import Commune, MapLoad, Province, Village

__all__ = ["Commune", "MapLoad", "Province", "Village"]
