"""Anonymous readers get forum pages from the shared cache (forum/cache.py), with edge-cache
headers and a 304 for a copy still current; every change shows at once to the next reader; a
reader with anything of their own on the page (a session, a message) never gets or leaves a
shared copy."""

import pytest
from django.test import Client
from django.urls import reverse

from forum import moderation, posting
from forum.models import Expert, Organisation, Question, Status
from tests.forum_steps import topic
from tests.sessions import SignedInClient

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "home_pages")]


@pytest.fixture
def question(world):
    return Question.objects.create(
        topic=topic(), province=world["north"], commune=world["a"], phone="+84913222333",
        asker_name="Lan", title="Quên mật khẩu VNeID thì làm gì?", language="vi", status=Status.PUBLISHED,
    )  # fmt: skip


@pytest.fixture
def expert(world):
    user = world.person("nobody")
    Expert.objects.create(user=user, kind=Organisation.TELECOM, organisation="VNPT Hà Nội")
    client = SignedInClient()
    client.force_login(user)
    return client


def page(question):
    return reverse("forum:question", kwargs={"pk": question.pk})


def test_the_second_reader_gets_the_cached_page_with_edge_headers_and_a_304(question):
    first, second = Client().get(page(question)), Client().get(page(question))
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert question.title in second.content.decode()
    assert "s-maxage=60" in second["Cache-Control"]
    assert "public" in second["Cache-Control"]
    assert "csrfmiddlewaretoken" not in second.content.decode()
    again = Client().get(page(question), HTTP_IF_NONE_MATCH=second["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    listing = [Client().get(reverse("forum:list"), {"show": "unanswered"}) for _ in range(2)]
    assert [r["X-Page-Cache"] for r in listing] == ["miss", "hit"]
    # Any other parameter renders afresh, so nobody fills the cache with made-up addresses.
    assert "X-Page-Cache" not in Client().get(page(question), {"cold": 1})


def test_an_answer_a_hidden_answer_and_an_acceptance_show_at_once_to_the_next_reader(
    question, expert, world, django_capture_on_commit_callbacks
):
    Client().get(page(question))
    Client().get(reverse("forum:list"))
    with django_capture_on_commit_callbacks(execute=True):
        expert.post(reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Chọn Quên mật khẩu."})
        expert.post(reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Hoặc ra công an xã."})
    reader = Client().get(page(question)).content.decode()
    assert "Chọn Quên mật khẩu." in reader
    assert "VNPT Hà Nội" in reader
    assert "chưa có trả lời" not in Client().get(reverse("forum:list")).content.decode()

    second = question.answers.order_by("pk").last()
    with django_capture_on_commit_callbacks(execute=True):
        posting.accept(question, second)
    reader = Client().get(page(question)).content.decode()
    assert reader.index("Hoặc ra công an xã.") < reader.index("Chọn Quên mật khẩu.")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.act(world.person("province"), question, moderation.Action.HIDE, "Sai", answer=second)
    assert "Hoặc ra công an xã." not in Client().get(page(question)).content.decode()


def test_a_reader_with_a_session_or_a_message_never_shares_a_page(question, expert, client):
    signed_in = expert.get(page(question))
    assert "X-Page-Cache" not in signed_in
    assert "private" in signed_in["Cache-Control"]
    assert "csrfmiddlewaretoken" in signed_in.content.decode()  # the expert's answer form

    reporter = Client()
    reporter.post(reverse("forum:report", kwargs={"pk": question.pk}), {"reason": "Quảng cáo"})
    thanked = reporter.get(page(question)).content.decode()
    assert "người kiểm duyệt sẽ xem bài này" in thanked
    shared = Client().get(page(question)).content.decode()
    assert "người kiểm duyệt sẽ xem bài này" not in shared
