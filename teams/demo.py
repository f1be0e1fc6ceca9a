"""Demo teams in nine provinces, from Lào Cai's mountains to the Mekong delta: a team in each
demo village, five to seven members named as Vietnamese people are, and twelve months of logged
sessions up to today, so the dashboards show a year that ends now whatever day the demo is loaded.

The README's team users are here: phone 0912 345 678 leads the team of Thôn Giang Cao in Xã Bát
Tràng (Hà Nội) and 0987 654 321 is a member of it. Everything is written in bulk (one demo load
makes about a thousand logs) and only for villages that have no team yet, so loading again
changes nothing.
"""

import random
from datetime import date, datetime, time

from django.utils import timezone

from accounts.demo import DEMO_PEOPLE, demo_user
from accounts.models import Role
from places.loading import load_admin_map
from places.models import Commune, Village
from teams.demo_activity import year_of_logs
from teams.demo_people import NameMaker, demo_phone
from teams.models import AssistanceLog, Member, Team, TeamEvent
from teams.signals import everything_changed
from vietnamese.text import normalize, search_key

THON, TO_DAN_PHO = Village.Kind.VILLAGE, Village.Kind.RESIDENTIAL_GROUP
# commune code: its demo villages (name, kind). Codes are the official ones (Decision 19/2025).
DEMO_VILLAGES = {
    "00583": [("Thôn Giang Cao", THON), ("Thôn Kim Lan", THON)],  # Xã Bát Tràng, Hà Nội
    "00070": [("Tổ dân phố số 1", TO_DAN_PHO), ("Tổ dân phố số 2", TO_DAN_PHO)],  # Phường Hoàn Kiếm, Hà Nội
    "03037": [("Thôn Tả Van Giáy", THON), ("Thôn Lao Chải", THON)],  # Xã Tả Van, Lào Cai
    "03006": [("Tổ dân phố Cầu Mây", TO_DAN_PHO)],  # Phường Sa Pa, Lào Cai
    "17176": [("Xóm Phú Lộc", THON)],  # Xã Quỳnh Anh, Nghệ An
    "19777": [("Tổ dân phố 5", TO_DAN_PHO)],  # Phường Vỹ Dạ, Huế
    "20209": [("Tổ dân phố 12", TO_DAN_PHO)],  # Phường Thanh Khê, Đà Nẵng
    "24133": [("Buôn Ako Dhông", THON)],  # Phường Buôn Ma Thuột, Đắk Lắk
    "24235": [("Buôn Đrăng Phôk", THON)],  # Xã Buôn Đôn, Đắk Lắk
    "26743": [("Khu phố 1", TO_DAN_PHO)],  # Phường Bến Thành, TP Hồ Chí Minh
    "27553": [("Ấp Phú Hiệp", THON)],  # Xã Củ Chi, TP Hồ Chí Minh
    "31299": [("Ấp Nhơn Lộc", THON)],  # Xã Phong Điền, Cần Thơ
    "30313": [("Ấp Mỹ Thị", THON)],  # Xã Mỹ Hòa Hưng, An Giang
}
# Villages still without a team, so coverage reads as it does in life rather than 100 %.
VILLAGES_WITHOUT_TEAM = {
    "00583": ["Thôn Bát Tràng"],
    "03037": ["Thôn Sín Chải"],
    "17176": ["Xóm Phú Thành"],
    "24235": ["Buôn Jang Lành"],
    "27553": ["Ấp Phú Lợi"],
}
LEADER_VILLAGE = ("00583", "Thôn Giang Cao")  # the README's team leader and member are here
TEAM_USERS = {role: (phone, name) for _email, phone, name, role, _unit in DEMO_PEOPLE if phone}
ROLES = [Member.TeamRole.LEADER, Member.TeamRole.DEPUTY]  # the first two places, then members
# Who else sits on a team (domain.md): police, unions, Fatherland Front, school, health, telecom.
OTHER_ORGANISATIONS = [
    Member.Organisation.POLICE,
    Member.Organisation.WOMENS_UNION,
    Member.Organisation.FARMERS_UNION,
    Member.Organisation.FATHERLAND_FRONT,
    Member.Organisation.SCHOOL,
    Member.Organisation.HEALTH_STATION,
    Member.Organisation.TELECOM_POST,
    Member.Organisation.VOLUNTEER,
]


def load(stdout):
    if not Commune.objects.exists():
        result = load_admin_map()
        stdout.write(f"Map: {result.provinces} provinces, {result.communes} communes.")
    villages = _villages()
    new_teams = [
        _team(village, index) for index, village in enumerate(villages) if not village.teams.exists()
    ]
    new_teams = [team for team in new_teams if team]
    if new_teams:
        _members(new_teams)
        year_of_logs(new_teams, random.Random(12))
        everything_changed(sender=AssistanceLog)
    _link_team_users(stdout)
    provinces = Commune.objects.filter(teams__isnull=False).values("province_id").distinct().count()
    stdout.write(
        f"Teams: {Team.objects.count()} in {provinces} provinces, members: {Member.objects.count()}, "
        f"logs: {AssistanceLog.objects.count()}."
    )


def _villages():
    """The villages to have teams, in the order of DEMO_VILLAGES (so numbering never depends on
    pks); the villages without a team are made on the way."""
    for code, names in VILLAGES_WITHOUT_TEAM.items():
        for name in names:
            _village(code, name, THON)
    return [_village(code, name, kind) for code, specs in DEMO_VILLAGES.items() for name, kind in specs]


def _village(commune_code, name, kind):
    village = Village.objects.filter(commune_id=commune_code).find(name)
    return village or Village.objects.create(commune_id=commune_code, name=name, kind=kind)


def _team(village, index):
    rng = random.Random(f"team {village.commune_id} {village.name}")
    founded = date(2022, rng.randint(4, 11), rng.randint(1, 28))
    return Team.objects.create(
        village=village,
        commune_id=village.commune_id,
        name=f"Tổ công nghệ số cộng đồng {village.name}",
        decision_number=f"{120 + index}/QĐ-UBND",
        decision_date=founded,
        founded_on=founded,
    )


def _members(teams):
    """Five to seven members a team: the village head leads, the youth union secretary deputises,
    the rest come from the organisations domain.md lists. One bulk insert, with their history."""
    rng = random.Random(7)
    taken = [
        *Member.objects.values_list("full_name", flat=True),
        *(name for _phone, name in TEAM_USERS.values()),
    ]
    make_name = NameMaker(rng, taken=taken)
    number = Member.objects.filter(phone__startswith="+84903").count()
    members = []
    for team in teams:
        organisations = [Member.Organisation.VILLAGE_OFFICE, Member.Organisation.YOUTH_UNION]
        organisations += rng.sample(OTHER_ORGANISATIONS, rng.randint(3, 5))
        for position, organisation in enumerate(organisations):
            female = organisation == Member.Organisation.WOMENS_UNION or rng.random() < 0.4
            gender = Member.Gender.FEMALE if female else Member.Gender.MALE
            number += 1
            members.append(
                Member(
                    team=team,
                    full_name=make_name(gender),
                    phone=demo_phone(number),
                    publish_phone=position == 0,
                    publish_phone_consent_method="phiếu đồng ý có chữ ký" if position == 0 else "",
                    gender=gender,
                    birth_year=rng.randint(1965, 2001),
                    organisation=organisation,
                    role=ROLES[position] if position < len(ROLES) else Member.TeamRole.MEMBER,
                    joined_on=team.founded_on,
                    training_status=Member.TrainingStatus.TRAINED
                    if position < 2 or rng.random() < 0.5
                    else Member.TrainingStatus.NOT_TRAINED,
                )
            )
    _give_team_users_their_places(teams, members)
    for member in members:  # what Member.save and clean would do, which bulk_create skips
        member.full_name = normalize(member.full_name)
        member.name_key = search_key(member.full_name)
        if member.publish_phone:
            member.publish_phone_consent_at = timezone.make_aware(datetime.combine(member.joined_on, time(9)))
        if member.training_status == Member.TrainingStatus.TRAINED:
            member.trained_on = member.joined_on
    Member.objects.bulk_create(members)
    TeamEvent.objects.bulk_create(
        TeamEvent(
            team=member.team,
            member=member,
            kind=TeamEvent.Kind.MEMBER_JOINED,
            detail=str(member.get_role_display()),
            happened_on=member.joined_on,
        )
        for member in members
    )


def _give_team_users_their_places(teams, members):
    """The README's leader and member take the leader's and a member's place on their team."""
    leader_team = next((t for t in teams if (t.commune_id, t.village.name) == LEADER_VILLAGE), None)
    if leader_team is None:
        return
    team_members = [m for m in members if m.team is leader_team]
    leader = team_members[0]
    member = next(m for m in team_members if m.role == Member.TeamRole.MEMBER)
    for person, role, gender in (
        (leader, Role.TEAM_LEADER, Member.Gender.MALE),
        (member, Role.TEAM_MEMBER, Member.Gender.FEMALE),
    ):
        person.phone, person.full_name = TEAM_USERS[role]
        person.gender = gender
        if person.organisation == Member.Organisation.WOMENS_UNION and gender == Member.Gender.MALE:
            person.organisation = Member.Organisation.VILLAGE_OFFICE


def _link_team_users(stdout):
    """The README's phone users get their accounts, linked to their places on the team."""
    misplaced = []
    for role, (phone, name) in TEAM_USERS.items():
        user = demo_user(None, phone, name, role)
        member = Member.objects.current().filter(phone=phone).select_related("team__village").first()
        if member and member.user_id is None:
            member.user = user
            member.save(update_fields=["user", "updated_at"])
        village = member.team.village if member else None
        if village is None or (village.commune_id, village.name) != LEADER_VILLAGE:
            misplaced.append(phone)
    if misplaced:
        stdout.write(
            f"Note: {', '.join(misplaced)} not on the team of {LEADER_VILLAGE[1]}: this database holds "
            "teams from an older demo, kept as they were. For the README's demo users, load the demo "
            "into an empty database."
        )
