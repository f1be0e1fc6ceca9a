"""The moderators' page: posts waiting, reports, questions unanswered after 72 hours, in the
moderator's provinces (or the whole country); one form per post, every action with its reason.
Editors turn an accepted answer into a draft guide from the question page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import moderation
from forum.forms import ModerateForm
from forum.guides import draft_guide, may_make_guide
from forum.models import VISIBLE, Answer, Question


@login_required
def moderate(request):
    if not moderation.is_moderator(request.user):
        raise PermissionDenied
    waiting = moderation.waiting(request.user)
    context = {
        "questions": _with_forms(waiting["questions"], "q"),
        "answers": _with_forms(waiting["answers"], "a"),
        "reports": _with_forms(waiting["reports"], "r"),
        "unanswered": moderation.unanswered(request.user),
    }
    return render(request, "forum/moderate.html", context)


def _with_forms(items, kind):
    """Each item with a form of its own whose ids name it (id_reason_q12), so that each label
    points to its own field: the same field names, so one view takes them all."""
    items = list(items)
    for item in items:
        item.act_form = ModerateForm(auto_id=f"id_%s_{kind}{item.pk}")
    return items


@login_required
@require_POST
def act(request, pk):
    question = get_object_or_404(moderation.moderated_questions(request.user), pk=pk)
    answer_pk = request.POST.get("answer")
    answer = get_object_or_404(Answer, pk=answer_pk, question=question) if answer_pk else None
    form = ModerateForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("forum:moderate")
    data = form.cleaned_data
    if data["action"] == moderation.Action.MERGE:
        return _merge(request, question, data)
    done = moderation.act(
        request.user, question, data["action"], data["reason"], answer=answer, text=data["text"]
    )
    if done is None:
        messages.info(request, _("Nothing changed: the post already was so, and nothing was recorded."))
    else:
        messages.success(request, _("Done: the action and its reason are recorded."))
    return redirect("forum:moderate")


def _merge(request, duplicate, data):
    try:
        kept = Question.objects.get(pk=data["into"])  # moderation.merge checks the scope of both
        done = moderation.merge(request.user, duplicate, kept, data["reason"])
    except Question.DoesNotExist:
        messages.error(request, _("No other question with this number among the questions you moderate."))
        return redirect("forum:moderate")
    if done is None:
        messages.info(request, _("Nothing changed: the post already was so, and nothing was recorded."))
        return redirect("forum:moderate")
    messages.success(request, _("Merged: the answers moved and the old address leads to the kept question."))
    return redirect("forum:question", pk=kept.pk)


@login_required
@require_POST
def make_guide(request, pk):
    question = get_object_or_404(Question, pk=pk, status__in=VISIBLE)
    if question.accepted is None or not may_make_guide(request.user, question):
        raise Http404  # a hidden accepted answer (or question) is no guide's first steps
    guide = draft_guide(request.user, question)
    messages.success(request, _("A draft guide was made from this answer: finish it and publish it."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
