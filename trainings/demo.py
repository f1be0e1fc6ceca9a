"""Demo courses and upcoming sessions in the demo villages: classes for citizens near Giang Cao,
Kim Lan and Tả Van Giáy, and a members' course in Bát Tràng for the teams to be enrolled in."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from teams.models import Service, Village
from trainings.models import Course, TrainingSession

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
# (course, village name, days from today, hour, audience, capacity)
SESSIONS = [
    ("vneid", "Thôn Giang Cao", 3, 8, TrainingSession.Audience.CITIZENS, 30),
    ("qr", "Thôn Giang Cao", 10, 14, TrainingSession.Audience.CITIZENS, 25),
    ("scams", "Thôn Kim Lan", 5, 15, TrainingSession.Audience.CITIZENS, 40),
    ("vneid", "Thôn Tả Van Giáy", 7, 9, TrainingSession.Audience.CITIZENS, 20),
    ("members", "Thôn Kim Lan", 4, 8, TrainingSession.Audience.MEMBERS, 15),
]
SKILLS = {
    "vneid": ["vneid"],
    "qr": ["cashless-payment"],
    "scams": ["online-safety"],
    "members": ["vneid", "public-services", "cashless-payment", "e-commerce", "online-safety"],
}


def load(stdout):
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
    today = timezone.localdate()
    for key, village_name, days, hour, audience, capacity in SESSIONS:
        village = Village.objects.filter(commune__teams__isnull=False).distinct().find(village_name)
        if village is None:
            continue
        course = courses[key]
        # Idempotent: one upcoming session per course and village is enough for the demo.
        if TrainingSession.objects.upcoming().filter(course=course, village=village).exists():
            continue
        start = timezone.make_aware(datetime.combine(today + timedelta(days=days), time(hour)))
        TrainingSession.objects.create(
            course=course,
            audience=audience,
            commune=village.commune,
            village=village,
            address=f"Nhà văn hoá {village.name}",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            trainer="Cán bộ xã Demo",
            capacity=capacity,
        )
    stdout.write(
        f"Courses: {Course.objects.count()}, upcoming sessions: {TrainingSession.objects.upcoming().count()}."
    )
