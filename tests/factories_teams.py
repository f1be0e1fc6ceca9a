"""Factories for teams, members and logs (the map and people are in tests/factories.py)."""

import datetime

import factory

from teams.models import AssistanceLog, Member, Team
from tests.factories import UserFactory, VillageFactory


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    village = factory.SubFactory(VillageFactory)
    commune = factory.SelfAttribute("village.commune")
    name = factory.LazyAttribute(lambda team: f"Tổ công nghệ số {team.village.name}")
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    decision_date = datetime.date(2023, 1, 10)
    founded_on = datetime.date(2023, 1, 10)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    team = factory.SubFactory(TeamFactory)
    full_name = factory.Sequence(lambda n: f"Thành Viên {n}")
    phone = factory.Sequence(lambda n: f"+8491{n % 10_000_000:07d}")
    organisation = Member.Organisation.YOUTH_UNION
    joined_on = datetime.date(2023, 1, 10)


def leader_of(team, **fields):
    """A member who leads `team` and signs in with their own phone account."""
    return account_of(MemberFactory(team=team, role=Member.TeamRole.LEADER, **fields))


def account_of(member):
    """`member`'s own account, signed in with their phone: the user a member is on the site."""
    member.user = UserFactory(email=None, phone=member.phone, full_name=member.full_name)
    member.save()
    return member.user


class LogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssistanceLog

    team = factory.SubFactory(TeamFactory)
    commune = factory.SelfAttribute("team.commune")
    village = factory.SelfAttribute("team.village")
    held_on = datetime.date(2026, 10, 5)
    citizens_helped = 10
