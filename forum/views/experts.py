"""The experts page of the moderators' area: who is an expert in the officer's scope, a form to
mark someone by their phone number, a button to unmark, and the last changes. A phone page:
plain forms, no script, readable at 360 px."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import experts
from forum.forms import ExpertForm
from forum.models import ExpertChange
from forum.topics import by_key

RECENT_CHANGES = 20


@login_required
def experts_page(request):
    if not experts.may_mark(request.user):
        raise PermissionDenied
    form = ExpertForm(request.POST or None, language=get_language())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                person = experts.person_by_phone(data["phone"])
                experts.mark(
                    request.user,
                    person,
                    kind=data["kind"],
                    organisation=data["organisation"],
                    topics=data["topics"],
                )
            except experts.NotYours:
                form.add_error(
                    "phone",
                    _(
                        "No account with this number that you may mark: a province's officers mark only people who appear in their province."
                    ),
                )
            else:
                messages.success(request, _("Marked as an expert: their answers now carry the badge."))
                return redirect("forum:experts")
        status = 400
    listed = experts.experts_of(request.user)
    changes = ExpertChange.objects.filter(user__in=listed.values("user")).select_related("user", "by")
    topics = by_key(form.fields["topics"].queryset)
    shown = list(listed)
    for expert in shown:  # topics in the reader's language, whichever language marked them
        expert.topics_shown = [topics.get(topic.translation_key, topic) for topic in expert.topics.all()]
    return render(
        request,
        "forum/experts.html",
        {"form": form, "experts": shown, "changes": changes[:RECENT_CHANGES]},
        status=status,
    )


@login_required
@require_POST
def unmark(request, pk):
    if not experts.may_mark(request.user):
        raise PermissionDenied
    try:
        experts.unmark(request.user, pk)
    except experts.NotYours:
        messages.error(request, _("This expert is not in your province."))
    else:
        messages.success(request, _("No longer an expert: the change is recorded."))
    return redirect("forum:experts")
