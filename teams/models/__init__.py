from teams.models.imports import RosterImport
from teams.models.logs import AssistanceLog, LogOutcome
from teams.models.services import OutcomeType, Service
from teams.models.teams import Member, Team, TeamEvent

__all__ = [
    "AssistanceLog",
    "LogOutcome",
    "Member",
    "OutcomeType",
    "RosterImport",
    "Service",
    "Team",
    "TeamEvent",
]
