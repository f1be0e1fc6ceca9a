"""The asker's erasure removes their posts' text and name: from the question page the next
anonymous reader gets (the cached copy is purged), from the list, and from the one search."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum.models import Answer, Question, Status
from privacy.erasure import erase_person
from tests.forum_steps import topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "home_pages")]

PHONE = "+84913222333"


def test_an_erased_askers_question_and_answer_are_gone_for_the_next_reader(
    django_capture_on_commit_callbacks,
):
    question = Question.objects.create(
        topic=topic(), phone=PHONE, asker_name="Lan", title="Nhận tiền hỗ trợ qua ví Viettel Money",
        body="Tôi ở thôn Giang Cao, con tôi học lớp 3.", language="vi", status=Status.PUBLISHED,
        answered_at=timezone.now(),
    )  # fmt: skip
    other = Question.objects.create(
        topic=topic(), phone="+84988000111", asker_name="Bình", title="Ví điện tử cho người già",
        language="vi", status=Status.PUBLISHED, answered_at=timezone.now(),
    )  # fmt: skip
    Answer.objects.create(question=other, phone=PHONE, author_name="Lan", body="Nhờ con cháu cài giúp.",
                          status=Status.PUBLISHED)  # fmt: skip
    url = reverse("forum:question", kwargs={"pk": question.pk})
    Client().get(url), Client().get(reverse("forum:list"))  # cached copies now hold her text
    assert "Viettel Money" in Client().get("/vi/search/", {"q": "vi viettel money"}).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(PHONE)

    for page in (url, reverse("forum:list"), reverse("forum:question", kwargs={"pk": other.pk})):
        text = Client().get(page).content.decode()
        assert "Viettel Money" not in text
        assert "Giang Cao" not in text
        assert "Nhờ con cháu" not in text
        assert ">Lan" not in text
        assert "Lan," not in text
    assert "Viettel Money" not in Client().get("/vi/search/", {"q": "vi viettel money"}).content.decode()
    assert not Question.objects.filter(phone=PHONE).exists()
    assert not Answer.objects.filter(phone=PHONE).exists()
