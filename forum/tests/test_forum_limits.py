"""A new person's limits (3 questions a day, no links until a post is approved, very long posts
refused with a clear message), HTML shown as text, and the asker's erasure."""

import pytest
from django.urls import reverse

from forum.models import Answer, Question, Status
from privacy.erasure import ERASED_NAME, erase_person
from tests.forum_steps import prove_phone, topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock", "home_pages")]


@pytest.fixture
def asker(client, capsys, django_capture_on_commit_callbacks):
    prove_phone(client, "0913 444 555", capsys, django_capture_on_commit_callbacks)
    return client


def ask(client, title, body=""):
    return client.post(
        reverse("forum:ask"), {"topic": topic().pk, "title": title, "body": body, "asker_name": "Hoa"}
    )


def test_a_new_person_asks_three_questions_a_day_and_posts_no_link(asker):
    response = ask(asker, "Xem thêm", "tại https://lua-dao.example.com")
    assert response.status_code == 400
    assert "Bạn chỉ được gửi đường link" in response.content.decode()
    for number in range(3):
        assert ask(asker, f"Câu hỏi số {number}").status_code == 302
    response = ask(asker, "Câu hỏi thứ tư")
    assert response.status_code == 400
    assert "quay lại vào ngày mai" in response.content.decode()
    assert "Câu hỏi thứ tư" in response.content.decode()  # what was typed is kept
    # Trust comes from an approved post: then links and more questions are allowed.
    Question.objects.filter(title="Câu hỏi số 0").update(status=Status.PUBLISHED)
    assert ask(asker, "Xem thêm", "tại https://dichvucong.gov.vn").status_code == 302


def test_a_very_long_post_is_refused_with_its_length_and_html_shows_as_text(asker):
    response = ask(asker, "Dài quá", "chữ " * 2000)
    assert response.status_code == 400
    assert "8000" in response.content.decode()
    ask(asker, "<b>Đậm</b>", "<script>alert(1)</script>")
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(status=Status.PUBLISHED)
    page = asker.get(reverse("forum:question", kwargs={"pk": question.pk})).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_askers_erasure_removes_her_posts_text_and_name(asker):
    ask(asker, "Tôi là Hoa ở Bát Tràng", "Nhà tôi ở ngõ 5")
    question = Question.objects.get()
    Answer.objects.create(question=question, phone="+84913444555", author_name="Hoa", body="Cảm ơn")
    erase_person("+84913444555")
    question.refresh_from_db()
    assert (question.phone, question.asker_name, question.body) == ("", ERASED_NAME, "")
    assert "Hoa" not in question.title
    answer = Answer.objects.get()
    assert answer.phone == ""
    assert answer.author_name == ERASED_NAME
    assert "Cảm ơn" not in answer.body


def test_a_script_dropping_its_cookie_cannot_pile_up_helpful_votes(client):
    question = Question.objects.create(
        topic=topic(),
        title="Cài VNeID thế nào?",
        phone="+84913444555",
        asker_name="Hoa",
        status=Status.PUBLISHED,
    )
    answer = Answer.objects.create(
        question=question,
        phone="+84913444666",
        author_name="Lan",
        body="Vào kho ứng dụng.",
        status=Status.PUBLISHED,
    )
    vote = reverse("forum:helpful", kwargs={"pk": question.pk, "answer_pk": answer.pk})
    for _ in range(100):
        client.cookies.clear()  # a new session at every vote, as a script without cookies has
        client.post(vote)
    page = client.get(reverse("forum:question", kwargs={"pk": question.pk})).content.decode()
    # Readers behind one address (a village's shared connection) still count, up to the hour's limit.
    assert "60 người thấy hữu ích" in page
