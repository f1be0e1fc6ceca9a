"""The forum in the other interface language: a question keeps the topic it was asked under, and
the reader sees that topic's page in their own language, its guides in that language, and the
list's topic filter carried across the language switch. Posts stay in their own language."""

import pytest
from django.urls import reverse
from django.utils import translation

from cms.models import GuidePage, TopicPage
from forum.models import Answer, Expert, Organisation, Question, Status
from tests.forum_steps import prove_phone
from tests.sessions import SignedInClient as Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock", "home_pages")]


def safety(language):
    return TopicPage.objects.get(
        locale__language_code=language, slug={"vi": "an-toan-tren-mang", "en": "online-safety"}[language]
    )


def english(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def asked(**fields):
    return Question.objects.create(
        topic=safety("vi"), title="Có người gọi xưng công an?", phone="+84913222333", asker_name="Lan",
        language="vi", status=Status.PUBLISHED, **fields,
    )  # fmt: skip


def test_an_english_reader_sees_the_topic_and_its_guides_in_english(client):
    question = asked()
    page = client.get(english("forum:question", pk=question.pk) + "?cold").content.decode()
    guides = GuidePage.objects.live().child_of(safety("en"))
    assert guides.exists()
    assert safety("en").title in page
    assert safety("vi").title not in page
    for guide in guides[:3]:
        assert guide.title in page
    assert "Có người gọi xưng công an?" in page  # the post stays in Vietnamese
    listing = client.get(english("forum:list") + "?cold").content.decode()
    assert safety("en").title in listing.split('id="questions"')[1]


def test_the_language_switch_keeps_the_lists_topic(client):
    asked()
    response = client.get(english("forum:list"), {"topic": "an-toan-tren-mang", "show": "unanswered"})
    assert response.status_code == 302
    assert response["Location"] == english("forum:list") + "?topic=online-safety&show=unanswered"
    assert "Có người gọi xưng công an?" in client.get(response["Location"]).content.decode()


def test_the_experts_page_names_topics_in_the_readers_language(world):
    officer = Client()
    officer.force_login(world.person("national"))
    expert = Expert.objects.create(
        user=world.person("nobody"), kind=Organisation.POLICE, organisation="Công an"
    )
    expert.topics.set([safety("vi")])
    page = officer.get(english("forum:experts")).content.decode()
    listed = page.split('id="experts"')[1]
    assert safety("en").title in listed
    assert safety("vi").title not in listed


def test_a_replayed_accept_adds_no_message_and_changes_nothing(
    client, capsys, django_capture_on_commit_callbacks
):
    prove_phone(client, "0913 222 333", capsys, django_capture_on_commit_callbacks)
    question = asked()
    answer = Answer.objects.create(
        question=question, author_name="Hùng", body="Gác máy.", status=Status.PUBLISHED
    )
    accept = english("forum:accept", pk=question.pk, answer_pk=answer.pk)
    with django_capture_on_commit_callbacks() as purges:
        client.post(accept)
        client.post(accept)
        client.post(accept)
    assert len(purges) == 1
    page = client.get(english("forum:question", pk=question.pk)).content.decode()
    assert page.count("Thank you: this answer is now shown first.") == 1
