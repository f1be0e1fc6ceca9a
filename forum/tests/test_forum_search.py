"""One search over guides and answered questions: the same matching without diacritics, guides
first; a question not yet answered, waiting for review, merged away or erased is never found."""

import pytest
from django.test import Client
from django.utils import timezone

from cms.models import GuidePage
from forum.models import Question, Status
from tests.forum_steps import topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "home_pages")]


def question(title, body="", answered=True, status=Status.PUBLISHED):
    return Question.objects.create(
        topic=topic(), asker_name="Lan", title=title, body=body, language="vi", status=status,
        answered_at=timezone.now() if answered else None,
    )  # fmt: skip


def search(words, language="vi"):
    return Client().get(f"/{language}/search/", {"q": words}).content.decode()


def test_an_answered_question_is_found_without_diacritics_below_the_guides():
    found = question("Đổi mật khẩu VNeID khi mất điện thoại?", "Tôi mới đổi số, không nhận được mã.")
    question("Đổi mật khẩu VNeID bị khoá", answered=False)
    question("Đổi mật khẩu VNeID không nhận", status=Status.PENDING)
    page = search("doi mat khau vneid")
    assert found.title in page
    assert "Câu hỏi đã được trả lời" in page
    assert "bị khoá" not in page
    assert "VNeID không nhận" not in page
    assert "không nhận được mã" in page  # its details, as a summary

    guide = GuidePage.objects.live().filter(locale__language_code="vi", title__icontains="VNeID").first()
    page = search("vneid")
    assert guide.title in page
    assert page.index(guide.title) < page.index(found.title)


def test_whole_words_only_and_a_merged_or_erased_question_is_gone():
    kept = question("Chuyển tiền bằng mã QR có an toàn không?")
    assert kept.title in search("chuyen tien QR")
    assert kept.title not in search("chuyen tien QRX")
    Question.objects.filter(pk=kept.pk).update(status=Status.MERGED)
    assert kept.title not in search("chuyen tien QR")
    erased = question("Nạp tiền điện thoại qua ví điện tử")
    Question.objects.filter(pk=erased.pk).update(title="[đã xoá]", body="", search_text="")
    assert "[đã xoá]" not in search("nap tien dien thoai")
