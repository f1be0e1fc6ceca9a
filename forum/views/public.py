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
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.models import GuidePage
from forum import limits, moderation, posting
from forum.access import expert_of, may_answer_as_staff
from forum.answers_html import answers_html
from forum.cache import cached_page, purge
from forum.forms import AnswerForm, AskForm, ModerateForm, ReportForm
from forum.guides import may_make_guide
from forum.models import VISIBLE, Answer, HelpfulVote, Question, Report, Status
from forum.structured import qa_page_json
from forum.topics import by_key, in_language, topics_in, translated_slug
from messaging.phone_proof import proven_phone
from runtime import throttle

PAGE_SIZE = 30
REFUSED_ANSWER = "forum:refused-answer"  # the session's key for an answer sent back to its author


@cached_page("topic", "show")
def question_list(request):
    language = get_language()
    questions = Question.objects.filter(status__in=VISIBLE).select_related("topic", "commune")
    topics = list(topics_in(language))
    topic = request.GET.get("topic", "")
    unanswered = request.GET.get("show") == "unanswered"
    if topic:
        chosen = next((item for item in topics if item.slug == topic), None)
        if chosen is None:
            return _list_of_translated_topic(topic, language, unanswered) or render(
                request, "forum/list.html", {"topics": topics, "topic": topic, "unanswered": unanswered}
            )
        questions = questions.filter(topic__translation_key=chosen.translation_key)
    if unanswered:
        questions = questions.filter(answered_at__isnull=True)
    questions = list(questions[:PAGE_SIZE])
    titles = by_key(topics)
    for question in questions:  # the topic named in the reader's language
        question.topic = titles.get(question.topic.translation_key, question.topic)
    phone = proven_phone(request)
    mine = Question.objects.filter(phone=phone).order_by("-created_at")[:10] if phone else []
    return render(
        request,
        "forum/list.html",
        {
            "questions": questions,
            "topics": topics,
            "topic": topic,
            "unanswered": unanswered,
            "mine": mine,
        },
    )


def _list_of_translated_topic(slug, language, unanswered):
    """The list filtered by `slug`'s topic in this language: the language switch keeps the other
    language's slug in the query."""
    translated = translated_slug(slug, language)
    if translated is None:
        return None
    query = {"topic": translated, **({"show": "unanswered"} if unanswered else {})}
    return redirect(f"{reverse('forum:list')}?{urlencode(query)}")


def _visible_question(request, pk):
    """The question at `pk`, or the one it was merged into (posts sent from an old page land there)."""
    # Not the guide: few questions have one, and joining two more tables costs every page.
    questions = Question.objects.select_related("topic__locale", "commune")
    question = get_object_or_404(questions, pk=pk)
    if question.merged_into_id is not None:
        question = get_object_or_404(questions, pk=question.merged_into_id)
    if question.status not in VISIBLE and not (
        question.phone == proven_phone(request) or _moderates(request.user, question)
    ):
        raise Http404
    return question


def _moderates(user, question):
    """A moderator of the question's province, or a national one (forum/moderation.py's scope)."""
    return user.is_authenticated and moderation.moderated_questions(user).filter(pk=question.pk).exists()


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
def question_page(request, pk):
    question = _visible_question(request, pk)
    if question.pk != pk:  # merged into another: its address belongs to the kept question
        return HttpResponsePermanentRedirect(reverse("forum:question", kwargs={"pk": question.pk}))
    answers = list(_answers(question))
    is_asker = bool(question.phone) and question.phone == proven_phone(request)
    staff = may_answer_as_staff(request.user, question)
    topic = in_language(question.topic, get_language())
    # A link needs a title and an address: the guide's other columns cost the page for nothing.
    topic_guides = GuidePage.objects.live().child_of(topic).only("title", "url_path")[:3]
    moderates = _moderates(request.user, question)
    context = {
        "question": question,
        "topic": topic,
        "answers": answers,
        "answers_html": answers_html(
            request,
            answers,
            question_url=reverse("forum:question", kwargs={"pk": question.pk}),
            is_asker=is_asker,
        ),
        "is_asker": is_asker,
        "may_answer": question.status == Status.PUBLISHED and (staff or bool(proven_phone(request))),
        "answer_form": _answer_form(request, question, staff),
        "related": topic_guides,
        "may_make_guide": any(a.accepted for a in answers) and may_make_guide(request.user, question),
        "structured_data": qa_page_json(request, question, answers) if answers else "",
        "moderate_form": ModerateForm() if moderates else None,
    }
    return render(request, "forum/question.html", context)


def _answer_form(request, question, staff):
    """An empty answer form, or the one its author sent and was refused (kept in the session by
    `answer`, so that the refusal is shown at the question's own address)."""
    refused = request.session.get(REFUSED_ANSWER) if "sessionid" in request.COOKIES else None
    if not refused or refused["pk"] != question.pk:
        return AnswerForm(staff=staff)
    del request.session[REFUSED_ANSWER]
    form = AnswerForm(refused["data"], staff=staff)
    form.is_valid()
    for error in refused["errors"]:
        form.add_error(None, error)
    return form


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
                    request,
                    _(
                        "Thank you. Until one of your posts has been approved, a moderator reads "
                        "your questions before they are shown."
                    ),
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
    form = AnswerForm(request.POST, staff=staff)
    if not form.is_valid():
        return _send_back(request, question, form)
    user = request.user if staff else None
    if user:  # their name comes from their account
        name = user.full_name.split()[-1] if user.full_name else ""
    else:
        name = form.cleaned_data["author_name"]
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
        return _send_back(request, question, form)
    if note:
        messages.warning(request, note)
    if post.status == Status.PENDING:
        messages.info(request, _("Thank you. Your answer is checked by a moderator before it is shown."))
    return redirect(reverse("forum:question", kwargs={"pk": pk}) + f"#answer-{post.pk}")


def _send_back(request, question, form):
    """Back to the question's address with the answer as typed and why it was refused: reloading
    that page sends nothing again."""
    request.session[REFUSED_ANSWER] = {
        "pk": question.pk,
        "data": {name: form.data.get(name, "") for name in form.fields},
        "errors": [str(error) for error in form.non_field_errors()],
    }
    return redirect(reverse("forum:question", kwargs={"pk": question.pk}) + "#answer-form")


@require_POST
def accept(request, pk, answer_pk):
    question = _visible_question(request, pk)
    if not question.phone or question.phone != proven_phone(request):
        raise Http404
    post = get_object_or_404(Answer, pk=answer_pk, question=question, status=Status.PUBLISHED)
    if posting.accept(question, post):  # a replayed form changes nothing and says nothing
        messages.success(request, _("Thank you: this answer is now shown first."))
    return redirect("forum:question", pk=pk)


def _voter(request):
    if not request.session.session_key:
        request.session.save()
    return hashlib.sha256(f"forum-vote:{request.session.session_key}".encode()).hexdigest()


def _address_key(request, purpose):
    """The client's address as a keyed hash: never kept in clear."""
    return salted_hmac(f"forum-{purpose}", throttle.client_address(request), algorithm="sha256").hexdigest()


# The cached question page every anonymous reader shares carries no CSRF token, so a vote and a
# report come without one. Neither acts on anyone's behalf: a vote counts once per session and
# once a day per answer and address, a report once per address and post while it is open.
@csrf_exempt
@require_POST
def helpful(request, pk, answer_pk):
    question = _visible_question(request, pk)
    post = get_object_or_404(Answer, pk=answer_pk, question=question, status=Status.PUBLISHED)
    back = redirect(reverse("forum:question", kwargs={"pk": pk}) + f"#answer-{post.pk}")
    voter = _voter(request)
    if HelpfulVote.objects.filter(answer=post, voter=voter).exists():
        return back  # one vote per reader: a second click changes nothing
    # A script that drops its cookie is a new session at every post, never a new address: one
    # vote per answer and address a day (in the shared cache, through the one throttle). Readers
    # behind one shared address count once a day: votes order answers, so a flood weighs more.
    if not throttle.allow(request, "forum_helpful") or not throttle.allow(
        request, "forum_helpful_answer", key=f"{post.pk}:{_address_key(request, 'vote')}"
    ):
        return back
    try:
        with transaction.atomic():
            HelpfulVote.objects.create(answer=post, voter=voter)
            Answer.objects.filter(pk=post.pk).update(helpful=F("helpful") + 1)
            transaction.on_commit(purge)
    except IntegrityError:
        pass  # the same reader's second click, at the same moment
    return back


@csrf_exempt
@require_POST
def report(request, pk):
    question = _visible_question(request, pk)
    form = ReportForm(request.POST)
    answer_pk = request.POST.get("answer")
    post = get_object_or_404(Answer, pk=answer_pk, question=question) if answer_pk else None
    if form.is_valid() and throttle.allow(request, "forum_report"):
        # One open report per address and post: a moderator needs one to look, and replays or a
        # script dropping its cookie would bury the other reports.
        reporter = _address_key(request, "report")
        Report.objects.get_or_create(
            question=question,
            answer=post,
            reporter=reporter,
            resolved=False,
            defaults={"reason": form.cleaned_data["reason"]},
        )
        messages.success(request, _("Thank you: a moderator will look at this post."))
    else:
        messages.error(request, _("The report was not sent: say in a few words what is wrong."))
    return redirect("forum:question", pk=pk)
