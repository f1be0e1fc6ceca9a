"""Demo questions in Xã Bát Tràng, where the README's team leader works: one answered by the leader
and accepted by its asker, one answered and waiting, one not answered yet (it shows on the
leader's "this week"). No phone is kept for them: nobody asked them through a texted code. Safe
to run again: a demo that has questions is left as it is."""

from django.utils import timezone

from cms.models import TopicPage
from forum.models import Answer, Question, Status
from places.models import Commune
from teams.demo import LEADER_VILLAGE
from teams.models import Member

QUESTIONS = [
    (
        "vneid",
        "Lan",
        "Kích hoạt VNeID mức 2 có phải ra công an xã không?",
        "Tôi đã cài ứng dụng VNeID nhưng không biết làm mức 2 ở đâu.",
        "Có, lần đầu chị mang căn cước đến công an xã để lấy vân tay và ảnh. Tổ công nghệ số "
        "hẹn chị sáng thứ Bảy tại nhà văn hoá thôn, tổ sẽ hướng dẫn cài đặt trước khi đi.",
        True,
    ),
    (
        "thanh-toan-khong-dung-tien-mat",
        "Minh",
        "Quét mã QR chuyển tiền ở chợ có an toàn không?",
        "",
        "An toàn nếu anh kiểm tra tên người nhận hiện trên màn hình trước khi bấm chuyển, và không "
        "quét mã dán đè lên mã của người bán.",
        False,
    ),
    (
        "an-toan-tren-mang",
        "Hoa",
        "Có người gọi xưng công an bảo cập nhật VNeID qua đường link thì làm sao?",
        "Họ gửi link qua Zalo và bảo phải làm ngay hôm nay.",
        None,
        False,
    ),
]


def load(stdout):
    if Question.objects.exists():
        return
    commune = Commune.objects.filter(pk=LEADER_VILLAGE[0]).first()
    leader = (
        Member.objects.current()
        .filter(team__village__commune=commune, role=Member.TeamRole.LEADER, user__isnull=False)
        .select_related("user")
        .first()
    )
    topics = {page.slug: page for page in TopicPage.objects.filter(locale__language_code="vi")}
    for slug, asker, title, body, reply, accepted in QUESTIONS:
        if slug not in topics or commune is None:
            continue
        question = Question.objects.create(
            topic=topics[slug],
            commune=commune,
            province=commune.province,
            asker_name=asker,
            title=title,
            body=body,
            language="vi",
            status=Status.PUBLISHED,
        )
        if reply and leader:
            Answer.objects.create(
                question=question,
                author=leader.user,
                author_name=leader.full_name,
                body=reply,
                status=Status.PUBLISHED,
                accepted=accepted,
            )
            Question.objects.filter(pk=question.pk).update(answered_at=timezone.now())
    stdout.write(f"Forum: {Question.objects.count()} questions in {commune}.")
