"""Demo villages in two provinces, Hà Nội (a ward and a craft-village commune) and Lào Cai, with
a team in each village, their members, officers, and six months of logged sessions.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from accounts.models import Role, RoleAssignment, User
from teams.admin_map import load_admin_map
from teams.models import AssistanceLog, Commune, LogOutcome, Member, OutcomeType, Service, Team, Village
from teams.summaries import rebuild_all

DEMO_VILLAGES = {
    "00070": [
        ("Tổ dân phố số 1", Village.Kind.RESIDENTIAL_GROUP),
        ("Tổ dân phố số 2", Village.Kind.RESIDENTIAL_GROUP),
    ],
    "00583": [("Thôn Giang Cao", Village.Kind.VILLAGE), ("Thôn Kim Lan", Village.Kind.VILLAGE)],
    "03037": [("Thôn Tả Van Giáy", Village.Kind.VILLAGE), ("Thôn Lao Chải", Village.Kind.VILLAGE)],
    "03006": [("Tổ dân phố Cầu Mây", Village.Kind.RESIDENTIAL_GROUP)],
}
LEADER_PHONE = "+84912345678"  # the demo leader of Thôn Giang Cao, signs in by phone
# (name, organisation, role, gender, publishes phone): the usual make-up of a team (domain.md).
DEMO_MEMBERS = [
    ("Nguyễn Văn Hùng", Member.Organisation.VILLAGE_OFFICE, Member.TeamRole.LEADER, Member.Gender.MALE, True),
    ("Trần Thị Mai", Member.Organisation.YOUTH_UNION, Member.TeamRole.DEPUTY, Member.Gender.FEMALE, False),
    ("Lê Văn Nam", Member.Organisation.POLICE, Member.TeamRole.MEMBER, Member.Gender.MALE, False),
    ("Phạm Thị Hoa", Member.Organisation.WOMENS_UNION, Member.TeamRole.MEMBER, Member.Gender.FEMALE, False),
    ("Đỗ Minh Đức", Member.Organisation.TELECOM_POST, Member.TeamRole.MEMBER, Member.Gender.MALE, False),
]


def load(stdout):
    if not Commune.objects.exists():
        result = load_admin_map()
        stdout.write(f"Map: {result.provinces} provinces, {result.communes} communes.")
    for commune_code, villages in DEMO_VILLAGES.items():
        commune = Commune.objects.get(code=commune_code)
        for name, kind in villages:
            village = Village.objects.filter(commune=commune).find(name) or Village(
                commune=commune, name=name
            )
            village.kind = kind
            village.save()
    stdout.write(f"Villages: {Village.objects.count()}.")
    _teams(stdout)


def _teams(stdout):
    rng = random.Random(5)  # the same demo every time
    founded = date(2022, 6, 15)
    phone_number = 912345678
    for index, village in enumerate(Village.objects.filter(commune_id__in=DEMO_VILLAGES).order_by("pk")):
        team, created = Team.objects.get_or_create(
            village=village,
            defaults={
                "name": f"Tổ công nghệ số cộng đồng {village.name}",
                "commune": village.commune,
                "decision_number": f"{120 + index}/QĐ-UBND",
                "decision_date": founded,
                "founded_on": founded,
            },
        )
        if not created:
            continue
        for position, (name, organisation, role, gender, publish) in enumerate(DEMO_MEMBERS):
            member = Member(
                team=team,
                full_name=name if index == 0 else f"{name} {index + 1}",
                phone=f"+84{phone_number + index * 10 + position}",
                publish_phone=publish,
                publish_phone_consent_method="phiếu đồng ý có chữ ký" if publish else "",
                gender=gender,
                birth_year=1970 + position * 5,
                organisation=organisation,
                role=role,
                joined_on=founded,
                training_status=Member.TrainingStatus.TRAINED
                if position < 3
                else Member.TrainingStatus.NOT_TRAINED,
            )
            member.full_clean()
            member.save()
        _logs(team, rng)
    leader = Member.objects.get(phone=LEADER_PHONE)
    if leader.user_id is None:
        # No password: a code by SMS is the leader's only way in (accounts.demo lists the officers).
        user = User.objects.filter(phone=LEADER_PHONE).first() or User.objects.create_user(
            phone=LEADER_PHONE, full_name=leader.full_name
        )
        RoleAssignment.objects.get_or_create(user=user, role=Role.TEAM_LEADER, commune=leader.team.commune)
        leader.user = user
        leader.save()
    rebuild_all()
    stdout.write(
        f"Teams: {Team.objects.count()}, members: {Member.objects.count()}, logs: {AssistanceLog.objects.count()}."
    )


def _logs(team, rng):
    """About two sessions a month for six months, with outcome counts that fit the people helped."""
    services = list(Service.objects.filter(province__isnull=True))
    outcome_types = list(OutcomeType.objects.all())
    members = list(team.members.all())
    today = timezone.localdate()
    for days_ago in range(180, 0, -rng.randint(10, 18)):
        citizens = rng.randint(5, 40)
        log = AssistanceLog.objects.create(
            team=team,
            commune_id=team.commune_id,
            village=team.village,
            held_on=today - timedelta(days=days_ago),
            citizens_helped=citizens,
            women_helped=citizens // 2,
            over_60_helped=citizens // 4,
            note="",
        )
        log.services.set(rng.sample(services, 2))
        log.attendees.set(members[: rng.randint(2, len(members))])
        LogOutcome.objects.bulk_create(
            LogOutcome(log=log, outcome_type=outcome, count=rng.randint(0, citizens // 2))
            for outcome in rng.sample(outcome_types, 2)
        )
