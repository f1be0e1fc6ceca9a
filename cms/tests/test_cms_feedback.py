"""'Was this helpful?': readers answer, spam is stopped, editors read it in the admin."""

import pytest
from django.contrib.auth.models import Group

from cms.models import GuideFeedback
from tests.factories import UserFactory, enrolled_in_two_factor
from tests.factories_cms import demo_guide
from tests.pages import sent_to_admin_home

pytestmark = pytest.mark.django_db


def test_a_reader_says_a_guide_helped(client, home_pages):
    guide = demo_guide()
    response = client.post(
        f"/vi/guides/{guide.pk}/feedback/", {"helpful": "no", "comment": "Bước 4  khó hiểu"}
    )
    assert response.status_code == 200
    assert "Cảm ơn bạn" in response.content.decode()
    saved = GuideFeedback.objects.get()
    assert (saved.guide_id, saved.helpful, saved.comment, saved.language) == (
        guide.pk,
        False,
        "Bước 4 khó hiểu",
        "vi",
    )


def test_an_answer_without_yes_or_no_is_refused_and_nothing_is_saved(client, home_pages):
    guide = demo_guide()
    response = client.post(f"/en/guides/{guide.pk}/feedback/", {"comment": "hello"})
    assert response.status_code == 400
    assert "Please choose Yes or No." in response.content.decode()
    assert not GuideFeedback.objects.exists()


def test_feedback_spam_is_rate_limited(client, home_pages):
    guide = demo_guide()
    statuses = [
        client.post(f"/vi/guides/{guide.pk}/feedback/", {"helpful": "yes"}).status_code for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    assert GuideFeedback.objects.count() == 3
    limited = client.post(f"/vi/guides/{guide.pk}/feedback/", {"helpful": "yes"})
    assert "Vui lòng thử lại sau" in limited.content.decode()


def test_editors_see_feedback_per_guide_in_the_admin(client, home_pages):
    guide = demo_guide()
    GuideFeedback.objects.create(guide=guide, helpful=True, language="vi")
    GuideFeedback.objects.create(guide=guide, helpful=False, comment="Thiếu ảnh bước 3", language="vi")
    editor = enrolled_in_two_factor(UserFactory())
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    listing = client.get(f"/admin/cms_guidefeedback/?guide={guide.pk}").content.decode()
    assert "Thiếu ảnh bước 3" in listing

    edit_page = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "Hữu ích: 1 · Chưa hữu ích: 1" in edit_page
    assert "Thiếu ảnh bước 3" in edit_page
    # Readers' words are not the editors' to rewrite.
    feedback = GuideFeedback.objects.first()
    assert sent_to_admin_home(client.get(f"/admin/cms_guidefeedback/edit/{feedback.pk}/"))
