from teams.models.imports import RosterImport
from teams.models.logs import AssistanceLog, LogOutcome
from teams.models.places import Commune, MapLoad, Province, Village
from teams.models.services import OutcomeType, Service
from teams.models.teams import Member, Team, TeamEvent

__all__ = [
    "AssistanceLog",
    "Commune",
    "LogOutcome",
    "MapLoad",
    "Member",
    "OutcomeType",
    "Province",
    "RosterImport",
    "Service",
    "Team",
    "TeamEvent",
    "Village",
]
