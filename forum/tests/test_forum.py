"""Ask an expert, end to end: a citizen proves her phone and asks; her first question waits for a
moderator of her province; an expert answers with a badge; she gets one text; she accepts the
answer; an editor makes a draft guide from it, and the guide lists the question."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from cms.models import GuidePage
from forum.models import Expert, ModerationAction, Organisation, Question, Status
from messaging.models import Message, Purpose
from tests.factories import ProvinceFactory
from tests.forum_steps import prove_phone, topic
from tests.sessions import SignedInClient as Client

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("tasks_in_process", "clock", "home_pages", "editors_group"),
]

ASKER = "+84913222333"


@pytest.fixture
def asker(client, capsys, django_capture_on_commit_callbacks):
    prove_phone(client, "0913 222 333", capsys, django_capture_on_commit_callbacks)
    return client


def ask(client, world, title="Làm sao để lấy lại mật khẩu VNeID?", **fields):
    data = {
        "topic": topic().pk,
        "title": title,
        "body": "Tôi quên mật khẩu, số của tôi là 0913 222 333.",
        "asker_name": "Lan",
        "province": world["north"].pk,
        "commune": "Bát Tràng",
        "text_me": "on",
        **fields,
    }
    return client.post(reverse("forum:ask"), data)


def make_expert(world):
    user = world.person("nobody")
    Expert.objects.create(user=user, kind=Organisation.POLICE, organisation="Công an xã Bát Tràng")
    return user


def test_ask_moderate_answer_text_accept_and_draft_guide(
    asker, world, client, django_capture_on_commit_callbacks
):
    response = asker.get(reverse("forum:ask"))
    assert response.status_code == 200
    response = ask(asker, world)
    question = Question.objects.get()
    assert response["Location"] == reverse("forum:question", kwargs={"pk": question.pk})
    assert question.status == Status.PENDING
    assert question.commune == world["a"]
    assert "0913 222 333" not in question.body
    assert "09xx xxx xxx" in question.body
    page = asker.get(response["Location"]).content.decode()
    assert "moderator" in page.lower() or "kiểm duyệt" in page  # the masking note and the waiting note

    # Invisible to others while it waits.
    reader = Client()
    assert reader.get(response["Location"]).status_code == 404
    assert question.title not in reader.get(reverse("forum:list")).content.decode()

    # A province officer of another province cannot approve it; the north one can, with a reason.
    south = world.person("province")
    south.role_assignments.update(province=world["south"])
    reader.force_login(south)
    assert (
        reader.post(
            reverse("forum:act", kwargs={"pk": question.pk}), {"action": "approve", "reason": "ok"}
        ).status_code
        == 404
    )
    moderator = Client()
    moderator.force_login(world.person("province"))
    moderator.post(
        reverse("forum:act", kwargs={"pk": question.pk}), {"action": "approve", "reason": "Câu hỏi rõ ràng"}
    )
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED
    assert ModerationAction.objects.get().reason == "Câu hỏi rõ ràng"

    # An expert answers: live at once, with the organisation badge; the asker gets one text.
    expert = Client()
    expert.force_login(make_expert(world))
    with django_capture_on_commit_callbacks(execute=True):
        expert.post(
            reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Vào ứng dụng, chọn Quên mật khẩu."}
        )
        expert.post(reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Hoặc ra công an xã."})
    texts = Message.objects.filter(recipient=ASKER, purpose=Purpose.NOTICE)
    assert texts.count() == 1
    assert f"/vi/questions/{question.pk}/" in texts.get().body
    assert texts.get().body.startswith("Chuyên gia đã trả lời")
    page = reader.get(reverse("forum:question", kwargs={"pk": question.pk})).content.decode()
    assert "Công an xã Bát Tràng" in page
    assert "913" not in page.replace(str(question.pk), "")

    # She accepts the second answer: it comes first, and the page carries QAPage data.
    second = question.answers.order_by("pk").last()
    asker.post(reverse("forum:accept", kwargs={"pk": question.pk, "answer_pk": second.pk}))
    page = Client().get(reverse("forum:question", kwargs={"pk": question.pk})).content.decode()
    assert page.index("Hoặc ra công an xã") < page.index("Vào ứng dụng")
    data = json.loads(
        re.search(r'<script id="qa-page" type="application/json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["@type"] == "QAPage"
    assert data["mainEntity"]["acceptedAnswer"]["text"] == "Hoặc ra công an xã."

    # An editor turns it into a draft guide in one step; once published it lists the question.
    editor = Client()
    editor.force_login(world.person("editor"))
    response = editor.post(reverse("forum:make_guide", kwargs={"pk": question.pk}))
    guide = GuidePage.objects.get(forum_questions=question)
    assert not guide.live
    assert guide.title == question.title
    assert "Hoặc ra công an xã." in str(guide.get_latest_revision_as_object().body.raw_data)
    guide.get_latest_revision().publish()
    guide_page = Client().get(guide.url).content.decode()
    assert question.title in guide_page


def test_the_72_hour_list_and_a_commune_officer_moderates_nothing(asker, world, clock):
    ask(asker, world)
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(status=Status.PUBLISHED)
    officer = Client()
    officer.force_login(world.person("province"))
    assert question.title not in officer.get(reverse("forum:moderate")).content.decode()
    clock.shift(timedelta(hours=73))
    page = officer.get(reverse("forum:moderate")).content.decode()
    assert question.title in page
    assert "Thành phố Hà Nội" in page
    commune = Client()
    commune.force_login(world.person("commune"))
    assert commune.get(reverse("forum:moderate")).status_code == 403


def test_a_team_leader_answers_questions_from_her_commune_only(
    asker, world, django_capture_on_commit_callbacks
):
    ask(asker, world)
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(status=Status.PUBLISHED)
    leader = Client()
    leader.force_login(world.person("leader"))
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Tổ sẽ giúp chị."})
    assert question.answers.get().status == Status.PUBLISHED
    # The asker's one text says who answered: a team leader, not an expert.
    text = Message.objects.get(recipient=ASKER, purpose=Purpose.NOTICE)
    assert text.body.startswith("Tổ trưởng tổ công nghệ số cộng đồng đã trả lời câu hỏi của bạn.")
    Question.objects.filter(pk=question.pk).update(commune=world["c"], province=world["south"])
    response = leader.post(reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Lần nữa."})
    assert response.status_code == 404
    assert question.answers.count() == 1


def test_the_ask_form_lists_provinces_in_vietnamese_order(asker, world):
    for code, name in (("38", "Thanh Hóa"), ("11", "Điện Biên"), ("66", "Đắk Lắk")):
        ProvinceFactory(code=code, name=name)
    page = asker.get(reverse("forum:ask")).content.decode()
    options = re.findall(r'<option value="\d+">([^<]+)</option>', page)
    # Đ after D, and "Thành phố" read past as the unit's type: as people look a name up.
    assert options.index("Đắk Lắk") < options.index("Điện Biên") < options.index("Thanh Hóa")
    assert options.index(world["north"].name) < options.index("Thanh Hóa")


def test_an_expert_answers_under_the_name_of_her_account_and_a_citizen_types_hers(asker, world):
    ask(asker, world)
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(status=Status.PUBLISHED)
    url = reverse("forum:question", kwargs={"pk": question.pk})
    expert = Client()
    expert.force_login(make_expert(world))
    assert 'name="author_name"' not in expert.get(url).content.decode()
    assert 'name="author_name"' in asker.get(url).content.decode()
    expert.post(
        reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Ra công an xã.", "author_name": "Tí"}
    )
    assert question.answers.get().author_name == "nobody"  # "Người dùng nobody", by her first name
