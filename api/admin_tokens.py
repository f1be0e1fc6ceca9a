"""The admin page where an officer makes and revokes their own API tokens.

A token is always made for the person signed in: there is no "user" field to fill, so an officer
cannot make one for someone else. The plaintext is shown on the answer to the form and never again.
Revoking takes a token of one's own; a national administrator may revoke anyone's (a leaked key
of a province's system cannot wait for its officer). Another's token answers 404.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.scopes import is_officer, scope_for
from api.models import MAX_LIFETIME, ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("What it is for"), max_length=120)
    days = forms.IntegerField(
        label=gettext_lazy("Valid for (days)"), min_value=1, max_value=MAX_LIFETIME.days, initial=90
    )


def _officer_only(request):
    if not is_officer(request.user):
        raise Http404


def tokens(request):
    _officer_only(request)
    shown = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, shown = ApiToken.issue(
            user=request.user,
            name=form.cleaned_data["name"],
            lifetime=timedelta(days=form.cleaned_data["days"]),
        )
        form = TokenForm()
    listed = ApiToken.objects.select_related("user").order_by("-created_at")
    if not scope_for(request.user).national:
        listed = listed.filter(user=request.user)
    return render(request, "api/tokens.html", {"form": form, "shown": shown, "tokens": listed})


@require_POST
def revoke(request, pk):
    _officer_only(request)
    owned = ApiToken.objects.all()
    if not scope_for(request.user).national:
        owned = owned.filter(user=request.user)
    token = get_object_or_404(owned, pk=pk, revoked_at__isnull=True)
    token.revoke()
    messages.success(
        request, _("Token “%(name)s” revoked: it no longer opens the API.") % {"name": token.name}
    )
    return redirect("api_tokens")
