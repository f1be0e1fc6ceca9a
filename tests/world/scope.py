"""What the admin scope tests add to the everyday world (tests/world/: Bát Tràng and Đa Tốn in Hà
Nội, Tả Van in Lào Cai, each with a village, a team, a member and a log): a session with a
registration, a person holding a role there, a text message and a data request in each commune.
Names are unique, so a page can be searched for them. The `scope_land` fixture builds it."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.models import Role
from households.models import FollowUp, Household
from messaging.models import ConsentMethod, Purpose
from messaging.outbox import queue_sms
from privacy.models import RightsRequest
from privacy.requests import open_request
from reporting.models import MonthlyReport
from tests.factories import RoleAssignmentFactory, UserFactory, VillageFactory
from tests.factories_trainings import SessionFactory
from trainings.models import Registration

TRAINING_PERMISSIONS = [
    f"{action}_{model}"
    for action in ("add", "change", "view")
    for model in ("trainingsession", "registration")
]


def build(world):
    """On the everyday world (`build_world`): a spare village, a session with a registration, a
    team leader's role, a text, a data request and a household with a person and a visit planned
    in each of communes a, b and c."""
    land = {}
    for key in world["teams"]:
        commune, village, team = world[key], world["villages"][key], world["teams"][key]
        province_code, commune_code = commune.province_id, commune.code
        session = SessionFactory(commune=commune, address=f"Nhà văn hoá {village.name}")
        land[key] = {
            "province": commune.province,
            "commune": commune,
            "village": village,
            "spare_village": VillageFactory(commune=commune, name=f"{village.name} Mới"),
            "team": team,
            "member": team.members.get(),
            "log": team.logs.get(),
            "session": session,
            "registration": Registration.objects.create(
                session=session,
                full_name=f"Người học {village.name}",
                phone=f"+849800000{province_code[-1]}{commune_code[-1]}",
                queued_at=timezone.now() - timedelta(days=1),
            ),
            "role": RoleAssignmentFactory(
                role=Role.TEAM_LEADER,
                commune=commune,
                user=UserFactory(full_name=f"Tổ trưởng {village.name}"),
            ),
            "message": queue_sms(
                f"+849700000{commune_code[-2:]}",
                f"Thông báo {village.name}",
                purpose=Purpose.NOTICE,
                idempotency_key=f"notice-{commune_code}",
                commune=commune,
            ),
            "monthly_report": MonthlyReport.objects.create(
                province=commune.province, commune=commune, month=timezone.localdate().replace(day=1)
            ),
            "rights_request": open_request(
                RightsRequest.Kind.ACCESS,
                phone=f"+849600000{commune_code[-2:]}",
                full_name=f"Người hỏi {village.name}",
                channel=ConsentMethod.IN_PERSON,
                commune=commune,
            ),
        }
    for key in world["teams"]:
        village = land[key]["village"]
        land[key]["household"] = Household.objects.create(village=village, head_name=f"Chủ hộ {village.name}")
        land[key]["household_person"] = land[key]["household"].members.create(
            full_name=f"Người dân {village.name}"
        )
        land[key]["follow_up"] = FollowUp.objects.create(
            household=land[key]["household"],
            assigned_to=land[key]["member"],
            due_on=timezone.localdate() + timedelta(days=14),
            note="Hoàn tất VNeID",
        )
    return land


def officer(kind, world):
    """`world.person(kind)` (national, province or commune), who also keeps the trainings screens:
    they keep Wagtail's model permissions (trainings/admin_views.py)."""
    user = world.person(kind)  # the role puts them in the Officers group
    Group.objects.get(name="Officers").permissions.add(
        *Permission.objects.filter(codename__in=TRAINING_PERMISSIONS)
    )
    return user
