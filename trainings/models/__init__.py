from trainings.models.courses import Course
from trainings.models.registrations import Registration, SessionMessage, SignUpHold
from trainings.models.sessions import TrainingSession

__all__ = ["Course", "Registration", "SessionMessage", "SignUpHold", "TrainingSession"]
