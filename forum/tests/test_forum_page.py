"""A question page as a reader gets it, uncached: what people wrote shows as text, never as
markup (the answers are written in Python, not a template: forum/answers_html.py), and the page
links the topic's guides and the guide written from the question (read lazily since issue 25)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.models import TopicPage
from forum.models import Answer, Expert, Organisation, Question, Status
from tests.factories_cms import add_guide, demo_guide, vietnamese_topic
from tests.forum_steps import topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_pages")]


def published_question(**fields):
    fields.setdefault("topic", topic())
    return Question.objects.create(
        asker_name="Lan", title="Làm sao đổi số điện thoại trên VNeID?",
        language="vi", status=Status.PUBLISHED, **fields,
    )  # fmt: skip


def cold_page(client, question):
    return client.get(reverse("forum:question", kwargs={"pk": question.pk}) + "?cold").content.decode()


def test_html_typed_in_an_answer_its_name_note_and_badge_shows_as_text(client):
    question = published_question()
    user = get_user_model().objects.create(email="chuyen-gia@example.vn", full_name="Chuyên gia")
    expert = Expert.objects.create(user=user, kind=Organisation.POST, organisation='Bưu điện <i>"Hà Nội"</i>')
    Answer.objects.create(
        question=question, author=user, expert=expert, author_name="<b>Tí</b>", status=Status.PUBLISHED,
        body="<script>alert(1)</script> & 'nháy'", moderator_note="<img src=x onerror=alert(1)>",
    )  # fmt: skip
    page = cold_page(client, question)
    for typed in ("<script>alert(1)", "<b>Tí", "<i>", "<img src=x"):
        assert typed not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;nháy&#x27;" in page
    assert "&lt;b&gt;Tí&lt;/b&gt;" in page
    assert "Bưu điện &lt;i&gt;&quot;Hà Nội&quot;&lt;/i&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_page_links_the_topics_live_guides_and_the_guide_written_from_it(client):
    new_topic = (
        vietnamese_topic()
        .get_parent()
        .add_child(instance=TopicPage(title="Thanh toán số", slug="thanh-toan"))
    )
    live = add_guide(new_topic, "Mở ví điện tử", slug="mo-vi")
    add_guide(new_topic, "Bản nháp chưa duyệt", slug="ban-nhap").unpublish()
    written = demo_guide()
    page = cold_page(client, published_question(topic=new_topic, guide=written))
    assert f'<li><a href="{live.url}">{live.title}</a></li>' in page
    assert "Bản nháp chưa duyệt" not in page
    assert f' <a href="{written.url}">{written.title}</a></p>' in page  # the line under the answers
