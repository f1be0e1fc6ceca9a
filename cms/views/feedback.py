"""'Was this helpful?' on every guide."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.models import GuideFeedback, GuidePage
from runtime import throttle
from vietnamese.text import normalize


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda value: value == "yes"
    )
    comment = forms.CharField(max_length=1000, required=False, widget=forms.Textarea)


# The guide page carrying this form is cached and shared by every reader, so it cannot hold a
# per-visitor CSRF token. Nothing here acts on anyone's behalf (no session, no account): the
# only risk is spam, which the rate limit handles.
@csrf_exempt
@require_POST
def feedback(request, guide_id):
    guide = GuidePage.objects.live().filter(pk=guide_id).first()
    if guide is None:
        raise Http404
    form = FeedbackForm(request.POST)
    context = {"guide": guide, "form": form, "title": guide.title}
    if not form.is_valid():
        return render(request, "cms/feedback.html", context, status=400)
    per_guide = f"{throttle.client_address(request)}:{guide.pk}"
    if not (throttle.allow(request, "feedback_guide", key=per_guide) and throttle.allow(request, "feedback")):
        return render(request, "cms/feedback.html", {**context, "limited": True}, status=429)
    GuideFeedback.objects.create(
        guide=guide,
        helpful=form.cleaned_data["helpful"],
        comment=normalize(form.cleaned_data["comment"]),
        language=get_language(),
    )
    return render(request, "cms/feedback.html", {**context, "thanks": True})
