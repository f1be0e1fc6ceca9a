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
from forum.models import Answer, Question


@login_required
def moderate(request):
    if not moderation.is_moderator(request.user):
        raise PermissionDenied
    context = {**moderation.waiting(request.user), "unanswered": moderation.unanswered(request.user)}
    context["form"] = ModerateForm()
    return render(request, "forum/moderate.html", context)


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
    moderation.act(request.user, question, data["action"], data["reason"], answer=answer, text=data["text"])
    messages.success(request, _("Done: the action and its reason are recorded."))
    return redirect("forum:moderate")


def _merge(request, duplicate, data):
    try:
        kept = Question.objects.get(pk=data["into"])  # moderation.merge checks the scope of both
        moderation.merge(request.user, duplicate, kept, data["reason"])
    except Question.DoesNotExist:
        messages.error(request, _("No other question with this number among the questions you moderate."))
        return redirect("forum:moderate")
    messages.success(request, _("Merged: the answers moved and the old address leads to the kept question."))
    return redirect("forum:question", pk=kept.pk)


@login_required
@require_POST
def make_guide(request, pk):
    question = get_object_or_404(Question, pk=pk)
    if question.accepted is None or not may_make_guide(request.user, question):
        raise Http404
    guide = draft_guide(request.user, question)
    messages.success(request, _("A draft guide was made from this answer: finish it and publish it."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
