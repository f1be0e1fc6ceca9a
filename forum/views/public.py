"""The pages readers and askers see: the list, a question, asking, answering, accepting.

Plain HTML forms, no script needed. An asker is their proven phone (messaging/phone_proof.py):
the page shows their first name and commune, never the number.
"""

import hashlib

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, When
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.models import GuidePage, TopicPage
from forum import limits, moderation, posting
from forum.access import expert_of, may_answer_as_staff
from forum.answers_html import answers_html
from forum.cache import cached_page, purge
from forum.forms import AnswerForm, AskForm, ModerateForm, ReportForm
from forum.guides import may_make_guide
from forum.models import Answer, HelpfulVote, Question, Report, Status
from forum.structured import qa_page_json
from messaging.phone_proof import proven_phone
from runtime import throttle

PAGE_SIZE = 30
VISIBLE = [Status.PUBLISHED, Status.CLOSED]


@cached_page("topic", "show")
def question_list(request):
    questions = Question.objects.filter(status__in=VISIBLE).select_related("topic", "commune")
    topics = TopicPage.objects.live().filter(locale__language_code=get_language()).order_by("path")
    topic = request.GET.get("topic", "")
    if topic:
        questions = questions.filter(
            topic__translation_key__in=topics.filter(slug=topic).values("translation_key")
        )
    unanswered = request.GET.get("show") == "unanswered"
    if unanswered:
        questions = questions.filter(answered_at__isnull=True)
    phone = proven_phone(request)
    mine = Question.objects.filter(phone=phone).order_by("-created_at")[:10] if phone else []
    return render(
        request,
        "forum/list.html",
        {
            "questions": questions[:PAGE_SIZE],
            "topics": topics,
            "topic": topic,
            "unanswered": unanswered,
            "mine": mine,
        },
    )


def _visible_question(request, pk):
    """The question at `pk`, or the one it was merged into (posts sent from an old page land there)."""
    # Not the guide: few questions have one, and joining two more tables costs every page.
    question = get_object_or_404(Question.objects.select_related("topic", "commune"), pk=pk)
    if question.merged_into_id is not None:
        question = get_object_or_404(
            Question.objects.select_related("topic", "commune"), pk=question.merged_into_id
        )
    if question.status not in VISIBLE and question.phone != proven_phone(request):
        raise Http404
    return question


def _answers(question):
    """Accepted first, then experts' (with their badge), then by helpful votes."""
    return (
        question.answers.filter(status=Status.PUBLISHED)
        .select_related("expert")
        .order_by(
            F("accepted").desc(),
            Case(When(expert__isnull=False, then=0), default=1, output_field=IntegerField()),
            F("helpful").desc(),
            "created_at",
        )
    )


@cached_page()
def question_page(request, pk, answer_form=None, status=200):
    question = _visible_question(request, pk)
    if question.pk != pk:  # merged into another: its address belongs to the kept question
        return HttpResponsePermanentRedirect(reverse("forum:question", kwargs={"pk": question.pk}))
    answers = list(_answers(question))
    is_asker = bool(question.phone) and question.phone == proven_phone(request)
    # A link needs a title and an address: the guide's other columns cost the page for nothing.
    topic_guides = (
        GuidePage.objects.live()
        .child_of(question.topic)
        .filter(locale__language_code=get_language())
        .only("title", "url_path")[:3]
    )
    context = {
        "question": question,
        "answers": answers,
        "answers_html": answers_html(
            request,
            answers,
            question_url=reverse("forum:question", kwargs={"pk": question.pk}),
            is_asker=is_asker,
        ),
        "is_asker": is_asker,
        "may_answer": question.status == Status.PUBLISHED
        and (may_answer_as_staff(request.user, question) or bool(proven_phone(request))),
        "answer_form": answer_form or AnswerForm(),
        "related": topic_guides,
        "may_make_guide": any(a.accepted for a in answers) and may_make_guide(request.user, question),
        "structured_data": qa_page_json(request, question, answers) if answers else "",
        "moderate_form": _moderate_form(request.user, question),
    }
    return render(request, "forum/question.html", context, status=status)


def _moderate_form(user, question):
    """A moderator of this question acts from its page too (a merge starts from the duplicate)."""
    if not user.is_authenticated or not moderation.moderated_questions(user).filter(pk=question.pk).exists():
        return None
    return ModerateForm()


def ask(request):
    phone = proven_phone(request)
    if phone is None:
        return redirect("phone_proof:ask", door="forum")
    language = get_language()
    form = AskForm(request.POST or None, language=language, initial={"topic": request.GET.get("topic")})
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            question, note = posting.ask(
                request,
                phone=phone,
                topic=data["topic"],
                title=data["title"],
                body=data["body"],
                asker_name=data["asker_name"],
                commune=data["commune_unit"],
                language=language,
                text_me=data["text_me"],
            )
        except limits.Refused as refused:
            form.add_error(None, str(refused))
            status = 400
        else:
            if note:
                messages.warning(request, note)
            if question.status == Status.PENDING:
                messages.info(
                    request, _("Thank you. Your first question is checked by a moderator before it is shown.")
                )
            return redirect("forum:question", pk=question.pk)
    elif form.errors:
        status = 400
    return render(request, "forum/ask.html", {"form": form}, status=status)


@require_POST
def answer(request, pk):
    question = _visible_question(request, pk)
    phone = proven_phone(request)
    staff = may_answer_as_staff(request.user, question)
    if question.status != Status.PUBLISHED or not (staff or phone):
        raise Http404
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return question_page(request, pk, answer_form=form, status=400)
    user = request.user if staff else None
    name = (user.full_name.split()[-1] if user and user.full_name else "") or form.cleaned_data["author_name"]
    try:
        post, note = posting.answer(
            request,
            question,
            body=form.cleaned_data["body"],
            user=user,
            expert=expert_of(user) if user else None,
            phone=None if staff else phone,
            author_name=name or _("A reader"),
        )
    except limits.Refused as refused:
        form.add_error(None, str(refused))
        return question_page(request, pk, answer_form=form, status=400)
    if note:
        messages.warning(request, note)
    if post.status == Status.PENDING:
        messages.info(request, _("Thank you. Your answer is checked by a moderator before it is shown."))
    return redirect(reverse("forum:question", kwargs={"pk": pk}) + f"#answer-{post.pk}")


@require_POST
def accept(request, pk, answer_pk):
    question = _visible_question(request, pk)
    if not question.phone or question.phone != proven_phone(request):
        raise Http404
    post = get_object_or_404(Answer, pk=answer_pk, question=question, status=Status.PUBLISHED)
    posting.accept(question, post)
    messages.success(request, _("Thank you: this answer is now shown first."))
    return redirect("forum:question", pk=pk)


def _voter(request):
    if not request.session.session_key:
        request.session.save()
    return hashlib.sha256(f"forum-vote:{request.session.session_key}".encode()).hexdigest()


# The cached question page every anonymous reader shares carries no CSRF token, so a vote and a
# report come without one. Neither acts on anyone's behalf: a vote counts once per session, a
# report only asks a moderator to look, and the shared throttle limits both kinds of spam.
@csrf_exempt
@require_POST
def helpful(request, pk, answer_pk):
    question = _visible_question(request, pk)
    post = get_object_or_404(Answer, pk=answer_pk, question=question, status=Status.PUBLISHED)
    back = redirect(reverse("forum:question", kwargs={"pk": pk}) + f"#answer-{post.pk}")
    # A script that drops its cookie is a new session at every post: only the throttle bounds it.
    if not throttle.allow(request, "forum_helpful"):
        return back
    try:
        with transaction.atomic():
            HelpfulVote.objects.create(answer=post, voter=_voter(request))
            Answer.objects.filter(pk=post.pk).update(helpful=F("helpful") + 1)
            transaction.on_commit(purge)
    except IntegrityError:
        pass  # one vote per reader: a second click changes nothing
    return back


@csrf_exempt
@require_POST
def report(request, pk):
    question = _visible_question(request, pk)
    form = ReportForm(request.POST)
    answer_pk = request.POST.get("answer")
    post = get_object_or_404(Answer, pk=answer_pk, question=question) if answer_pk else None
    if form.is_valid() and throttle.allow(request, "forum_report"):
        Report.objects.create(question=question, answer=post, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you: a moderator will look at this post."))
    else:
        messages.error(request, _("The report was not sent: say in a few words what is wrong."))
    return redirect("forum:question", pk=pk)
