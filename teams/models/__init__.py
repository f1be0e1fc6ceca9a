from teams.models.history import TeamEvent
from teams.models.logs import AssistanceLog, LogOutcome
from teams.models.places import Commune, MapLoad, Province, Village
from teams.models.services import OutcomeType, Service
from teams.models.summaries import CommuneMonth, CommuneMonthOutcome
from teams.models.teams import Member, Team

__all__ = [
    "AssistanceLog",
    "Commune",
    "CommuneMonth",
    "CommuneMonthOutcome",
    "LogOutcome",
    "MapLoad",
    "Member",
    "OutcomeType",
    "Province",
    "Service",
    "Team",
    "TeamEvent",
    "Village",
]
