"""Demo courses and sessions. The README's team leader (Thôn Giang Cao, Xã Bát Tràng) runs a
session held three days ago whose registrations wait for attendance, and upcoming ones people
have signed up for (through the real sign-up, so their reminders wait in the outbox); citizens'
classes elsewhere, and a members' course in Bát Tràng for the teams to be enrolled in."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import Role
from places.models import Village
from teams.demo import LEADER_VILLAGE, TEAM_USERS
from teams.demo_people import NameMaker
from teams.models import Member, Service
from trainings.models import Course, Registration, TrainingSession
from trainings.registering import enrol, sign_up

COURSES = [
    (
        "vneid",
        "Sử dụng VNeID",
        "Using VNeID",
        "Cài đặt, kích hoạt tài khoản định danh điện tử mức 2 và dùng giấy tờ trên VNeID.",
        "Installing and activating a level-2 electronic identity, and using documents in VNeID.",
    ),
    (
        "qr",
        "Thanh toán bằng mã QR",
        "Paying by QR code",
        "Quét mã QR để trả tiền an toàn ở chợ, cửa hàng và khi nộp phí dịch vụ công.",
        "Scanning QR codes to pay safely at the market, in shops and for public-service fees.",
    ),
    (
        "scams",
        "Nhận biết lừa đảo trên mạng",
        "Spotting online scams",
        "Dành cho người cao tuổi: cuộc gọi giả danh công an, tin nhắn trúng thưởng, đường link lạ.",
        "For the elderly: calls pretending to be the police, prize messages, strange links.",
    ),
    (
        "members",
        "Kỹ năng hỗ trợ người dân cho thành viên tổ",
        "Helping citizens: a course for team members",
        "Năm kỹ năng số cơ bản và cách hướng dẫn người dân từng bước.",
        "The five basic digital skills and how to guide citizens step by step.",
    ),
]
# (course, village name, days from today, hour, audience, capacity, people signed up);
# a negative day is a session already held.
SESSIONS = [
    ("scams", "Thôn Giang Cao", -3, 14, TrainingSession.Audience.CITIZENS, 30, 12),
    ("vneid", "Thôn Giang Cao", 3, 8, TrainingSession.Audience.CITIZENS, 30, 6),
    ("qr", "Thôn Giang Cao", 10, 14, TrainingSession.Audience.CITIZENS, 25, 3),
    ("scams", "Thôn Kim Lan", 5, 15, TrainingSession.Audience.CITIZENS, 40, 4),
    ("vneid", "Thôn Tả Van Giáy", 7, 9, TrainingSession.Audience.CITIZENS, 20, 0),
    ("qr", "Ấp Phú Hiệp", 6, 8, TrainingSession.Audience.CITIZENS, 30, 0),
    ("members", "Thôn Kim Lan", 4, 8, TrainingSession.Audience.MEMBERS, 15, 0),
]
SKILLS = {
    "vneid": ["vneid"],
    "qr": ["cashless-payment"],
    "scams": ["online-safety"],
    "members": ["vneid", "public-services", "cashless-payment", "e-commerce", "online-safety"],
}


# A trainer is named, as officers write it: a name reads the same on the English pages, where a
# job title typed in Vietnamese ("cán bộ văn hoá - xã hội") would be left untranslated.
COMMUNE_TRAINER = "Phạm Thu Hà"


def load(stdout):
    courses = _courses()
    leader_name = TEAM_USERS[Role.TEAM_LEADER][1]
    citizens = _Citizens()
    today = timezone.localdate()
    for key, village_name, days, hour, audience, capacity, signed_up in SESSIONS:
        village = Village.objects.filter(teams__isnull=False).find(village_name)
        if village is None:
            continue
        course = courses[key]
        start = timezone.make_aware(datetime.combine(today + timedelta(days=days), time(hour)))
        # Idempotent: one session per course and village on that day is enough for the demo.
        if TrainingSession.objects.filter(
            course=course, village=village, starts_at__date=start.date()
        ).exists():
            continue
        run_by_leader = (village.commune_id, village.name) == LEADER_VILLAGE
        session = TrainingSession.objects.create(
            course=course,
            audience=audience,
            commune=village.commune,
            village=village,
            address=f"Nhà văn hoá {village.name}",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            trainer=leader_name if run_by_leader else COMMUNE_TRAINER,
            capacity=capacity,
        )
        if days < 0:
            citizens.came_to(session, signed_up)
        else:
            for full_name, phone in citizens.next(signed_up):
                sign_up(session, full_name=full_name, phone=phone, language="vi")
        if audience == TrainingSession.Audience.MEMBERS:
            untrained = Member.objects.current().filter(
                team__commune_id=village.commune_id, training_status=Member.TrainingStatus.NOT_TRAINED
            )
            enrol(session, list(untrained[:capacity]))
    stdout.write(
        f"Courses: {Course.objects.count()}, upcoming sessions: {TrainingSession.objects.upcoming().count()}, "
        f"registrations: {Registration.objects.count()}."
    )


def _courses():
    courses = {}
    for key, title_vi, title_en, description_vi, description_en in COURSES:
        course, created = Course.objects.get_or_create(
            title_vi=title_vi,
            defaults={
                "title_en": title_en,
                "description_vi": description_vi,
                "description_en": description_en,
            },
        )
        if created:
            course.skills.set(Service.objects.filter(code__in=SKILLS[key]))
        courses[key] = course
    return courses


class _Citizens:
    """Made-up citizens who sign up: names as teams' members have, numbers of their own."""

    def __init__(self):
        self.make_name = NameMaker(
            random.Random(31), taken=Registration.objects.values_list("full_name", flat=True)
        )
        self.number = Registration.objects.filter(phone__startswith="+84978").count()

    def next(self, count):
        people = []
        for _ in range(count):
            self.number += 1
            gender = "female" if self.number % 3 else "male"
            people.append((self.make_name(gender), f"+84978{100000 + self.number:06d}"))
        return people

    def came_to(self, session, count):
        """Registrations for a session already held, signed up a week before, attendance not
        taken yet: what the leader ticks on the phone."""
        signed_up_at = session.starts_at - timedelta(days=7)
        Registration.objects.bulk_create(
            Registration(
                session=session,
                full_name=full_name,
                phone=phone,
                consent_at=signed_up_at,
                queued_at=signed_up_at + timedelta(minutes=index),
            )
            for index, (full_name, phone) in enumerate(self.next(count))
        )
