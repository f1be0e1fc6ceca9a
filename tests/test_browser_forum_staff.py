"""Ask an expert on a 360×740 phone, in Vietnamese and in English, from the staff side: a
province's moderator approves a citizen's first question with a reason, then an expert answers it
from the question page and the answer shows at once with the badge naming their organisation."""

import pytest

from forum.models import Expert, ModerationAction, Organisation, Question, Status
from tests.browser_sign_in import signed_in_phone
from tests.forum_steps import topic
from tests.photos import photograph
from tests.world import build_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process", "home_pages"),
]

LABELS = {
    "vi": {"act": "Xử lý bài này", "action": "Việc cần làm", "reason": "Lý do (được lưu lại)",
           "record": "Ghi nhận", "done": "Xong: thao tác và lý do đã được lưu lại.",
           "answer": "Câu trả lời của bạn", "send": "Gửi câu trả lời", "expert": "Chuyên gia"},
    "en": {"act": "Act on this post", "action": "Action", "reason": "Reason (recorded)",
           "record": "Record", "done": "Done: the action and its reason are recorded.",
           "answer": "Your answer", "send": "Send my answer", "expert": "Expert"},
}  # fmt: skip


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_moderator_approves_and_an_expert_answers_from_a_phone(language, browser, live_server, output_dir):
    labels = LABELS[language]
    world = build_world()
    question = Question.objects.create(
        topic=topic(language), province=world["north"], commune=world["a"], phone="+84913666777",
        asker_name="Mai", title="Làm sao đổi số điện thoại trên VNeID?", language="vi",
    )  # fmt: skip

    moderator = signed_in_phone(browser, live_server, world.person("province"))
    moderator.goto(f"{live_server.url}/{language}/questions/moderate/")
    waiting = moderator.locator("#waiting-questions li").filter(has_text=question.title)
    waiting.get_by_text(labels["act"]).click()
    waiting.get_by_label(labels["action"]).select_option("approve")
    waiting.get_by_label(labels["reason"]).fill("Câu hỏi rõ ràng, không có thông tin cá nhân.")
    fits(moderator)
    photograph(moderator, output_dir / f"{language}-1-moderator.png")
    waiting.get_by_role("button", name=labels["record"]).click()
    moderator.wait_for_selector(".messages")
    assert labels["done"] in moderator.locator(".messages").inner_text()
    assert Question.objects.get(pk=question.pk).status == Status.PUBLISHED
    assert ModerationAction.objects.get().reason == "Câu hỏi rõ ràng, không có thông tin cá nhân."
    fits(moderator)

    user = world.person("nobody")
    Expert.objects.create(user=user, kind=Organisation.TELECOM, organisation="VNPT Hà Nội")
    expert = signed_in_phone(browser, live_server, user)
    expert.goto(f"{live_server.url}/{language}/questions/{question.pk}/")
    expert.get_by_label(labels["answer"]).fill("Mang căn cước ra công an xã để cập nhật số điện thoại mới.")
    fits(expert)
    photograph(expert, output_dir / f"{language}-2-expert-answers.png")
    expert.get_by_role("button", name=labels["send"]).click()
    expert.wait_for_url(f"**/questions/{question.pk}/#answer-*")
    badge = expert.locator(".answer .badge").inner_text()
    assert labels["expert"] in badge
    assert "VNPT Hà Nội" in badge
    assert "Mang căn cước ra công an xã" in expert.locator(".answer .post").inner_text()
    fits(expert)
    photograph(expert, output_dir / f"{language}-3-answered.png")
