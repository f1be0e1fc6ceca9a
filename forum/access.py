"""Who may answer a question: an expert, or a team leader of the question's commune.
Decided from the data (Expert rows, current leaderships), never from a form field."""

from forum.models import Expert
from teams.membership import teams_led_by


def expert_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    return Expert.objects.filter(user=user).first()


def may_answer_as_staff(user, question):
    if expert_of(user):
        return True
    if not getattr(user, "is_authenticated", False) or question.commune_id is None:
        return False
    return any(
        team.village.commune_id == question.commune_id
        for team in teams_led_by(user).select_related("village")
    )
