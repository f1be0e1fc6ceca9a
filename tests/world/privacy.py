"""Two people, Lan and Hưng (its leader), in Xã Bát Tràng's team of the map (tests/world/) with
nothing else on it, for the data-rights tests: each has an account, a membership, a training
registration, consent, texts and an assistance log naming them. The `privacy_people` fixture
builds it."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from accounts.models import Invitation, Role, User
from messaging.models import Purpose
from messaging.outbox import queue_sms
from teams.models import Member
from tests.factories_teams import LogFactory, MemberFactory
from tests.factories_trainings import SessionFactory
from tests.world import build_map
from trainings.models import SignUpHold
from trainings.registering import sign_up

LAN_PHONE = "+84912000111"
HUNG_PHONE = "+84912000222"


@dataclass
class People:
    team: object
    lan: object
    hung: object
    lan_member: object
    hung_member: object
    session: object
    log: object


def build(captured):
    """`captured`: django_capture_on_commit_callbacks, so the texts queued are sent."""
    team = build_map("a")["teams"]["a"]
    lan = User.objects.create_user(phone=LAN_PHONE, full_name="Phạm Thị Xuân Lan")
    hung = User.objects.create_user(phone=HUNG_PHONE, full_name="Đỗ Quang Hưng")
    lan_member = MemberFactory(team=team, full_name=lan.full_name, phone=LAN_PHONE, user=lan)
    hung_member = MemberFactory(
        team=team, full_name=hung.full_name, phone=HUNG_PHONE, user=hung, role=Member.TeamRole.LEADER
    )
    session = SessionFactory(commune=team.commune)
    with captured(execute=True):
        sign_up(session, full_name=lan.full_name, phone=LAN_PHONE, language="vi")
        sign_up(session, full_name=hung.full_name, phone=HUNG_PHONE, language="vi")
        for phone, name in ((LAN_PHONE, "lan"), (HUNG_PHONE, "hung")):
            queue_sms(
                phone,
                f"Mời tham gia: https://example.vn/accounts/invitation/secret-{name}/",
                purpose=Purpose.INVITATION,
                idempotency_key=f"test-invitation-{name}",
            )
    # An invitation she has not opened yet, and a sign-up waiting for its code, name her too.
    Invitation.objects.create(
        phone=LAN_PHONE,
        full_name=lan.full_name,
        role=Role.TEAM_MEMBER,
        commune=team.commune,
        token_hash="0" * 64,
        expires_at=timezone.now() + timedelta(days=3),
    )
    SignUpHold.objects.create(
        session=SessionFactory(commune=team.commune),
        full_name=lan.full_name,
        phone=LAN_PHONE,
        code_hash="0" * 64,
        expires_at=timezone.now() + timedelta(minutes=10),
    )
    log = LogFactory(team=team, note="Chị Phạm Thị Xuân Lan hướng dẫn cài VNeID, gọi 0912 000 111")
    log.attendees.set([lan_member, hung_member])
    return People(team, lan, hung, lan_member, hung_member, session, log)
