"""A new person's limits (3 questions a day, no links until a post is approved, very long posts
refused with a clear message), HTML shown as text, and the asker's erasure."""

import re

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
    assert "1 người thấy hữu ích" in page  # one vote per answer and address a day
    client.cookies.clear()
    client.post(vote, REMOTE_ADDR="10.1.2.3")  # another address counts
    answer.refresh_from_db()
    assert answer.helpful == 2


def test_a_short_link_waits_until_a_post_is_approved(asker):
    response = ask(asker, "Có phải lừa đảo?", "Họ gửi bit.ly/3xYz9 cho tôi")
    assert response.status_code == 400
    assert "Bạn chỉ được gửi đường link" in response.content.decode()


def test_a_phone_typed_as_a_first_name_is_refused(asker):
    """Names show on every list: a number typed as one is refused, so that no reader sees
    "0912345678, Xã Bát Tràng" (nor "09xxxxxxxx" standing for a name)."""
    response = asker.post(
        reverse("forum:ask"), {"topic": topic().pk, "title": "Cài VNeID?", "asker_name": "SĐT0912345678"}
    )
    assert response.status_code == 400
    assert "Chỉ nhập tên của bạn" in response.content.decode()
    assert not Question.objects.exists()


def test_the_text_limit_is_counted_as_its_message_says_and_nothing_is_cut(asker):
    form = asker.get(reverse("forum:ask")).content.decode()
    textarea = re.search(r"<textarea[^>]*>", form).group(0)
    assert "maxlength" not in textarea  # the browser would cut a pasted text without a word
    assert "Tối đa 4000 ký tự" in form
    response = ask(asker, "Dài quá", "a" * 4001)
    assert response.status_code == 400
    assert "4001 ký tự" in response.content.decode()
    # 4,000 characters typed on lines, as the browser counts them (it sends a line end as two).
    assert ask(asker, "Vừa đủ", "abc\r\n" * 1000).status_code == 302


def test_a_refused_answer_comes_back_on_the_question_page_with_what_was_typed(asker):
    question = Question.objects.create(
        topic=topic(), title="Cài VNeID?", phone="+84913000111", asker_name="Mai", status=Status.PUBLISHED
    )
    url = reverse("forum:question", kwargs={"pk": question.pk})
    response = asker.post(
        reverse("forum:answer", kwargs={"pk": question.pk}),
        {"body": "Vào bit.ly/3xYz9", "author_name": "0912 345 678"},
    )
    assert response["Location"] == f"{url}#answer-form"  # reloading the page sends nothing again
    page = asker.get(url).content.decode()
    assert "Vào bit.ly/3xYz9" in page
    assert "Chỉ nhập tên của bạn" in page
    response = asker.post(reverse("forum:answer", kwargs={"pk": question.pk}), {"body": "Xem bit.ly/3xYz9"})
    assert "Bạn chỉ được gửi đường link" in asker.get(url).content.decode()
    assert "Bạn chỉ được gửi đường link" not in asker.get(url).content.decode()  # said once
    assert not Answer.objects.exists()


def test_each_waiting_question_says_why_it_waits_not_only_the_first(asker):
    for title in ("Câu hỏi một?", "Câu hỏi hai?"):
        page = asker.get(ask(asker, title)["Location"]).content.decode()
    assert "Cho đến khi một bài của bạn được duyệt" in page
    assert "đầu tiên" not in page
