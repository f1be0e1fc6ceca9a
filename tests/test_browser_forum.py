"""Ask an expert in Chromium at 360×740, in Vietnamese and in English: a citizen proves her phone
by the texted code, asks, and later (a moderator approved, an expert answered) reads the answer,
marks it as the one that helped, and sees it first."""

import re

import pytest
from django.test import RequestFactory

from forum import moderation, posting
from forum.models import Expert, Organisation, Question
from tests.photos import photograph
from tests.world import build_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process", "home_pages"),
]

LABELS = {
    "vi": {
        "ask": "Đặt câu hỏi của bạn",
        "phone": "Số điện thoại di động",
        "text": "Nhắn mã cho tôi",
        "code": "Mã 6 chữ số",
        "title": "Câu hỏi của bạn, trong một câu",
        "name": "Tên của bạn",
        "send": "Gửi câu hỏi",
        "waiting": "Đang chờ kiểm duyệt",
        "helped": "Câu trả lời này đã giúp tôi",
        "accepted": "Câu trả lời đã giúp người hỏi",
    },
    "en": {
        "ask": "Ask your own question",
        "phone": "Your mobile number",
        "text": "Text me a code",
        "code": "The 6-digit code",
        "title": "Your question, in one sentence",
        "name": "Your first name",
        "send": "Send my question",
        "waiting": "Waiting for a moderator",
        "helped": "This answer helped me",
        "accepted": "The answer that helped the asker",
    },
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_citizen_asks_and_later_reads_the_accepted_answer(
    language, phone_page, live_server, fake_twilio, output_dir, settings
):
    settings.SITE_URL = live_server.url
    labels = LABELS[language]
    world = build_world()
    expert = world.person("nobody")
    Expert.objects.create(user=expert, kind=Organisation.TELECOM, organisation="VNPT Hà Nội")
    page = phone_page
    page.goto(f"{live_server.url}/{language}/questions/")
    page.get_by_role("link", name=labels["ask"]).first.click()
    page.get_by_label(labels["phone"]).fill("0913 666 777")
    photograph(page, output_dir / f"{language}-1-phone.png")
    page.get_by_role("button", name=labels["text"]).click()
    page.wait_for_url("**/phone/forum/code/")
    sms = [m["body"] for m in fake_twilio.accepted if m["to"] == "+84913666777"][-1]
    page.get_by_label(labels["code"]).fill(re.search(r"\b(\d{6})\b", sms).group(1))
    page.keyboard.press("Enter")
    page.wait_for_url("**/questions/ask/")
    page.get_by_label(labels["title"]).fill("Làm sao đổi số điện thoại trên VNeID?")
    page.get_by_label(labels["name"]).fill("Mai")
    page.locator("#id_topic").select_option(index=1)
    photograph(page, output_dir / f"{language}-2-ask.png")
    page.get_by_role("button", name=labels["send"]).click()
    page.wait_for_url(re.compile(r".*/questions/\d+/$"))
    assert labels["waiting"] in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(page, output_dir / f"{language}-3-waiting.png")

    question = Question.objects.get()
    moderation.act(world.person("national"), question, moderation.Action.APPROVE, "Rõ ràng")
    posting.answer(
        RequestFactory().post("/"),
        question,
        body="Mang căn cước ra công an xã để cập nhật số điện thoại.",
        user=expert,
        expert=expert.expert,
        author_name="Hùng",
    )

    page.reload()
    assert "VNPT Hà Nội" in page.content()
    page.get_by_role("button", name=labels["helped"]).click()
    page.wait_for_load_state()
    assert labels["accepted"] in page.content()
    assert "0913" not in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(page, output_dir / f"{language}-4-accepted.png")
