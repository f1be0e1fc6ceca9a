"""A moderator merges a duplicate question into another: its answers move, its address redirects
there for good (301), the action is recorded with its reason on both, and both questions must be
in the moderator's scope."""

import pytest
from django.urls import reverse

from forum import posting
from forum.models import Expert, ModerationAction, Organisation, Question, Status
from tests.forum_steps import topic
from tests.sessions import SignedInClient as Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "home_pages")]


def question(world, title, province="north", commune="a"):
    return Question.objects.create(
        topic=topic(), province=world[province], commune=world[commune], phone="+84913222333",
        asker_name="Lan", title=title, language="vi", status=Status.PUBLISHED,
    )  # fmt: skip


def merge(client, duplicate, kept, reason="Cùng một câu hỏi"):
    url = reverse("forum:act", kwargs={"pk": duplicate.pk})
    return client.post(url, {"action": "merge", "reason": reason, "into": kept.pk})


@pytest.fixture
def moderator(world):
    client = Client()
    client.force_login(world.person("province"))
    return client


def test_a_moderator_merges_a_duplicate_and_its_address_redirects(world, moderator, rf):
    kept = question(world, "Quên mật khẩu VNeID thì làm gì?")
    duplicate = question(world, "Mất mật khẩu VNeID", commune="b")
    expert = world.person("nobody")
    Expert.objects.create(user=expert, kind=Organisation.POLICE, organisation="Công an xã Đa Tốn")
    posting.answer(rf.post("/"), duplicate, body="Chọn Quên mật khẩu trong ứng dụng.", user=expert,
                   expert=expert.expert, author_name="Hùng")  # fmt: skip

    response = merge(moderator, duplicate, kept)
    assert response["Location"] == reverse("forum:question", kwargs={"pk": kept.pk})
    old = Client().get(reverse("forum:question", kwargs={"pk": duplicate.pk}))
    assert old.status_code == 301
    assert old["Location"] == response["Location"]
    page = Client().get(response["Location"]).content.decode()
    assert "Chọn Quên mật khẩu trong ứng dụng." in page
    assert "Công an xã Đa Tốn" in page
    listing = Client().get(reverse("forum:list")).content.decode()
    assert kept.title in listing
    assert duplicate.title not in listing
    reasons = ModerationAction.objects.filter(action="merge").values_list("question", "reason")
    assert set(reasons) == {
        (duplicate.pk, "Cùng một câu hỏi"),
        (kept.pk, f"#{duplicate.pk}: Cùng một câu hỏi"),
    }

    merge(moderator, duplicate, kept)  # the same form sent again records nothing
    assert ModerationAction.objects.filter(action="merge").count() == 2
    # A question merged into the duplicate earlier follows it to the kept one.
    third = question(world, "VNeID mật khẩu")
    merge(moderator, third, duplicate)  # the duplicate is merged already: refused
    assert Question.objects.get(pk=third.pk).merged_into is None


def test_both_questions_must_be_in_the_moderators_scope(world, moderator):
    north = question(world, "Đăng ký tài khoản dịch vụ công")
    south = question(world, "Đăng ký dịch vụ công", province="south", commune="c")
    response = merge(moderator, north, south)
    assert response.status_code == 302
    assert response["Location"] == reverse("forum:moderate")
    assert Question.objects.get(pk=north.pk).merged_into is None
    assert merge(moderator, south, north).status_code == 404
    assert not ModerationAction.objects.exists()
    refused = merge(moderator, north, north)
    assert Question.objects.get(pk=north.pk).status == Status.PUBLISHED
    assert refused.status_code == 302
