"""Factories for courses and sessions (the map and people are in tests/factories.py)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from tests.factories import CommuneFactory
from trainings.models import Course, TrainingSession

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def local(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=HANOI)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title_vi = "Sử dụng VNeID"
    title_en = "Using VNeID"
    description_vi = "Cài đặt và kích hoạt tài khoản định danh điện tử mức 2."
    description_en = "Installing and activating a level-2 electronic identity."


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    audience = TrainingSession.Audience.CITIZENS
    commune = factory.SubFactory(CommuneFactory)
    address = "Nhà văn hoá thôn"
    # An afternoon class a week ahead: both default reminders fall inside the sending window
    # whatever hour the tests run (a night start would rightly drop the two-hour one).
    starts_at = factory.LazyFunction(
        lambda: (timezone.localtime() + timedelta(days=7)).replace(hour=14, minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=2))
    trainer = "Trần Văn Bình"
    capacity = 30


def texted_code(phone):
    """The code in the latest sign-up text to `phone`, as the person reads it on their phone."""
    from messaging.models import Message, Purpose
    from messaging.secrets import unseal

    message = Message.objects.filter(recipient=phone, purpose=Purpose.SIGN_IN).latest("pk")
    return unseal(message.sealed_secret)


def signed_up_through_the_pages(client, session, language="vi", **fields):
    """Fill in the sign-up form, then the code from the text: the response after the code."""
    form = {"full_name": "Nguyễn Thị Lan", "phone": "0912 345 678", "consent": "on", **fields}
    asked = client.post(f"/{language}/trainings/{session.pk}/", form)
    assert asked.status_code == 302, asked.content.decode()
    from vietnamese.phones import normalize_phone

    return client.post(asked["Location"], {"code": texted_code(normalize_phone(form["phone"]))})
