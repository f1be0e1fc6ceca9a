"""What a moderator meets: a waiting question they can open (in their scope only), edits masked
and limited as every post, one form per post with its own field ids, and actions that change
nothing recording nothing; one open report per reporter and post; no guide from a hidden answer."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from cms.models import GuidePage
from forum.models import Answer, ModerationAction, Question, Report, Status
from tests.forum_steps import topic
from tests.sessions import SignedInClient as Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "home_pages", "editors_group")]


def question(world, status=Status.PENDING, title="Cách cài VNeID?"):
    return Question.objects.create(
        topic=topic(), province=world["north"], commune=world["a"], phone="+84913222333",
        asker_name="Lan", title=title, body="Tôi chưa cài được.", language="vi", status=status,
    )  # fmt: skip


def signed_in(world, kind):
    client = Client()
    client.force_login(world.person(kind))
    return client


def act(client, question, **data):
    return client.post(reverse("forum:act", kwargs={"pk": question.pk}), data, follow=True)


def test_a_waiting_question_opens_for_its_moderators_and_nobody_else(world):
    waiting = question(world)
    url = reverse("forum:question", kwargs={"pk": waiting.pk})
    moderator = signed_in(world, "province")
    assert f'href="{url}"' in moderator.get(reverse("forum:moderate")).content.decode()
    page = moderator.get(url).content.decode()
    assert "Cách cài VNeID?" in page
    assert "chỉ người hỏi và người kiểm duyệt thấy" in page
    assert signed_in(world, "national").get(url).status_code == 200
    south = world.person("province")
    south.role_assignments.update(province=world["south"])
    other = Client()
    other.force_login(south)
    for client in (other, signed_in(world, "commune"), signed_in(world, "editor"), Client()):
        assert client.get(url).status_code == 404


def test_a_moderators_edit_is_masked_and_limited_as_every_post(world):
    published = question(world, status=Status.PUBLISHED)
    moderator = signed_in(world, "province")
    act(moderator, published, action="edit", reason="Bỏ số điện thoại", text="Gọi tôi: 0912 345 678")
    published.refresh_from_db()
    assert published.body == "Gọi tôi: 09xx xxx xxx"
    page = act(moderator, published, action="edit", reason="Dài", text="a" * 50_000).content.decode()
    assert "Bài của bạn dài 50000 ký tự; tối đa là 4000. Vui lòng rút gọn.</li>" in page
    published.refresh_from_db()
    assert published.body == "Gọi tôi: 09xx xxx xxx"
    assert ModerationAction.objects.count() == 1


def test_an_action_sent_twice_is_recorded_once(world):
    waiting = question(world)
    moderator = signed_in(world, "province")
    first = act(moderator, waiting, action="approve", reason="Rõ ràng").content.decode()
    again = act(moderator, waiting, action="approve", reason="Rõ ràng").content.decode()
    assert "Xong: thao tác và lý do đã được lưu lại." in first
    assert "Xong:" not in again
    assert "Không có gì thay đổi" in again
    act(moderator, waiting, action="edit", reason="Sửa chính tả", text="Tôi chưa cài được VNeID.")
    act(moderator, waiting, action="edit", reason="Sửa chính tả", text="Tôi chưa cài được VNeID.")
    act(moderator, waiting, action="close", reason="Đã xong")
    act(moderator, waiting, action="close", reason="Đã xong")
    assert list(ModerationAction.objects.order_by("pk").values_list("action", flat=True)) == [
        "approve",
        "edit",
        "close",
    ]


def test_approving_a_reported_post_again_resolves_its_reports(world, client):
    published = question(world, status=Status.PUBLISHED)
    client.post(reverse("forum:report", kwargs={"pk": published.pk}), {"reason": "Quảng cáo"})
    act(signed_in(world, "province"), published, action="approve", reason="Không sao")
    assert ModerationAction.objects.count() == 1
    assert not Report.objects.filter(resolved=False).exists()


def test_one_open_report_per_reporter_and_post(world, client):
    published = question(world, status=Status.PUBLISHED)
    report = reverse("forum:report", kwargs={"pk": published.pk})
    for _ in range(3):
        client.cookies.clear()
        client.post(report, {"reason": "Lừa đảo"})
    assert Report.objects.count() == 1
    client.post(report, {"reason": "Lừa đảo"}, REMOTE_ADDR="10.9.8.7")  # someone else
    assert Report.objects.count() == 2
    Report.objects.update(resolved=True)  # a moderator looked; the post changed since
    client.post(report, {"reason": "Lại lừa đảo"})
    assert Report.objects.filter(resolved=False).count() == 1


def test_each_form_of_the_moderation_page_has_field_ids_of_its_own(world, client):
    for title in ("Câu một?", "Câu hai?"):
        waiting = question(world, title=title)
        Answer.objects.create(question=waiting, author_name="Hùng", body="Đáp", phone="+84913000999")
    published = question(world, status=Status.PUBLISHED)
    answer = Answer.objects.create(question=published, author_name="Hùng", body="Đáp", phone="+84913000999")
    client.post(reverse("forum:report", kwargs={"pk": published.pk}), {"reason": "Sai", "answer": answer.pk})
    page = signed_in(world, "province").get(reverse("forum:moderate")).content.decode()
    ids = Counter(re.findall(r'\sid="(id_[^"]+)"', page))
    assert len(ids) >= 5 * 4
    assert max(ids.values()) == 1
    assert set(re.findall(r'<label for="([^"]+)"', page)) <= set(ids)


def test_no_draft_guide_from_a_hidden_accepted_answer(world):
    published = question(world, status=Status.PUBLISHED)
    accepted = Answer.objects.create(
        question=published, author_name="Hùng", body="Bước một.", status=Status.PUBLISHED, accepted=True
    )
    moderator = signed_in(world, "province")
    act(moderator, published, action="hide", reason="Sai", answer=accepted.pk)
    editor = signed_in(world, "editor")
    response = editor.post(reverse("forum:make_guide", kwargs={"pk": published.pk}))
    assert response.status_code == 404
    assert not GuidePage.objects.filter(title=published.title).exists()


def test_no_draft_guide_from_a_hidden_question(world):
    hidden = question(world, status=Status.HIDDEN)
    Answer.objects.create(
        question=hidden, author_name="Hùng", body="Bước một.", status=Status.PUBLISHED, accepted=True
    )
    response = signed_in(world, "editor").post(reverse("forum:make_guide", kwargs={"pk": hidden.pk}))
    assert response.status_code == 404
    assert not GuidePage.objects.filter(title=hidden.title).exists()
