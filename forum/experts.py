"""Marking and unmarking experts: national administrators mark anyone, a province's officers only
people who appear in their province and nowhere else (accounts.authority.may_act_on, decided from
the data: team memberships, sign-ups, messages, roles). Every change is kept (ExpertChange).

A province officer's mark carries the province (Expert.province) so that officers of that
province, and the national ones, see and may unmark it; a national mark carries none.
"""

from django.db import transaction

from accounts.authority import may_act_on, places_of, unit_covering
from accounts.models import User
from accounts.scopes import scope_for
from forum.models import Expert, ExpertChange
from places.models import Commune, Province
from vietnamese.phones import InvalidPhone, normalize_phone


class NotYours(Exception):
    """The person, or the expert, is outside the officer's scope (or there is no such person)."""


def may_mark(user):
    scope = scope_for(user)
    return scope.national or bool(scope.provinces)


def experts_of(user):
    """The experts `user` sees and may unmark: all for the nation, their provinces' otherwise."""
    scope = scope_for(user)
    experts = Expert.objects.select_related("user", "province").prefetch_related("topics")
    if scope.national:
        return experts.order_by("organisation", "pk")
    return experts.filter(province__in=scope.provinces).order_by("organisation", "pk")


def person_by_phone(typed):
    try:
        return User.objects.get(phone=normalize_phone(typed), is_active=True)
    except (InvalidPhone, User.DoesNotExist) as error:
        raise NotYours from error


def mark(by, person, *, kind, organisation, topics):
    """Mark `person` (or change their organisation and topics). Raises NotYours."""
    scope = scope_for(by)
    if not may_act_on(by, person):
        raise NotYours
    province = None if scope.national else _province_of(scope, person)
    with transaction.atomic():
        expert, _ = Expert.objects.update_or_create(
            user=person,
            defaults={"kind": kind, "organisation": organisation, "province": province, "marked_by": by},
        )
        expert.topics.set(topics)
        ExpertChange.objects.create(
            user=person, change=ExpertChange.Change.MARK, kind=kind, organisation=organisation, by=by
        )
    return expert


def unmark(by, expert_pk):
    """Unmark an expert of `by`'s scope, keeping the change. Raises NotYours."""
    expert = experts_of(by).filter(pk=expert_pk).first()
    if expert is None:
        raise NotYours
    with transaction.atomic():
        ExpertChange.objects.create(
            user=expert.user,
            change=ExpertChange.Change.UNMARK,
            kind=expert.kind,
            organisation=expert.organisation,
            by=by,
        )
        expert.delete()


def _province_of(scope, person):
    """The officer's province the person appears in (may_act_on said it holds all their places);
    an officer of several provinces whose person spans them gets the first."""
    commune_id, province_id = unit_covering(places_of(phone=person.phone, user=person))
    if commune_id is not None:
        province_id = Commune.objects.get(pk=commune_id).province_id
    if province_id not in scope.provinces:
        province_id = min(scope.provinces)
    return Province.objects.get(pk=province_id)
