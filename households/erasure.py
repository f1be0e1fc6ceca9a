"""What erasing a person (privacy/erasure.py) does to the household register.

A household is found by its phone, the head's. Its row is kept nameless and numberless, and the
head's own person row too (matched by name: the head is the household's first person), so the
village's households covered and people confirmed per skill group stay as reported; the other
people of the household are not the one asking. Notes of visits that name the person are
scrubbed with privacy's `scrub`, passed in (households sits below privacy).
"""

from django.db.models import Q

from households.models import FollowUp, Household, HouseholdMember
from vietnamese.text import search_key


def erase_households(phone, words, erased_name, scrub):
    """Blank the households numbered `phone` and their head's person row; scrub visit notes
    naming `words`. Returns the number of households touched."""
    households = list(Household.objects.filter(phone=phone))
    heads = {household.head_name for household in households}
    people = HouseholdMember.objects.filter(household__in=households).filter(
        Q(full_name__in=heads) | Q(full_name__in=words)
    )
    people.update(full_name=erased_name, birth_year=None, sex="")
    mentioning = Q(pk__in=[])
    for word in words:
        mentioning |= Q(note__contains=word)
    for follow_up in FollowUp.objects.filter(mentioning).only("pk", "note"):
        FollowUp.objects.filter(pk=follow_up.pk).update(note=scrub(follow_up.note, words, phone))
    return Household.objects.filter(pk__in=[household.pk for household in households]).update(
        head_name=erased_name, name_key=search_key(erased_name), phone=None, address=""
    )
