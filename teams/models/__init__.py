from teams.models.history import TeamEvent
from teams.models.logs import AssistanceLog, LogOutcome
from teams.models.services import OutcomeType, Service
from teams.models.targets import Target
from teams.models.teams import Member, Team

__all__ = [
    "AssistanceLog",
    "LogOutcome",
    "Member",
    "OutcomeType",
    "Service",
    "Target",
    "Team",
    "TeamEvent",
]
