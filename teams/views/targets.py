"""Setting targets: a team's by the officers whose scope holds its commune, a province's default
by the province's officers (accounts.authority.may_act_on decides both; a team leader sets none).
A blank field removes the team's own target, so the province's default applies again."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.authority import may_act_on
from places.models import Province
from teams import targets
from teams.models import Target, Team


class TargetsForm(forms.Form):
    def __init__(self, *args, current, defaults, **kwargs):
        super().__init__(*args, **kwargs)
        for measure in targets.measures():
            default = defaults.get(measure.key)
            self.fields[measure.key] = forms.IntegerField(
                label=measure.label,
                required=False,
                min_value=1,
                max_value=1_000_000,
                initial=current.get(measure.key),
                help_text=_("Province default: %(value)s") % {"value": default} if default else "",
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )


def _save(user, owner, cleaned):
    with transaction.atomic():
        for key, value in cleaned.items():
            if value:
                Target.objects.update_or_create(
                    **owner, measure=key, defaults={"value": value, "set_by": user, "set_at": timezone.now()}
                )
            else:
                Target.objects.filter(**owner, measure=key).delete()


def _values(**owner):
    return dict(Target.objects.filter(**owner).values_list("measure", "value"))


@login_required
def team_targets(request, pk):
    team = get_object_or_404(Team.objects.select_related("commune"), pk=pk)
    if not may_act_on(request.user, team):
        raise PermissionDenied
    defaults = _values(province_id=team.commune.province_id)
    form = TargetsForm(request.POST or None, current=_values(team=team), defaults=defaults)
    if request.method == "POST" and form.is_valid():
        _save(request.user, {"team": team}, form.cleaned_data)
        messages.success(request, _("Targets saved."))
        return redirect("teams:targets", pk=team.pk)
    return render(
        request,
        "teams/targets.html",
        {
            "form": form,
            "title": team.name,
            "progress": targets.progress([team], timezone.localdate())[team.pk],
        },
        status=400 if form.errors else 200,
    )


@login_required
def province_targets(request, code):
    province = get_object_or_404(Province, pk=code)
    if not may_act_on(request.user, province):
        raise PermissionDenied
    form = TargetsForm(request.POST or None, current=_values(province=province), defaults={})
    if request.method == "POST" and form.is_valid():
        _save(request.user, {"province": province}, form.cleaned_data)
        messages.success(request, _("Targets saved."))
        return redirect("teams:province_targets", code=province.pk)
    return render(
        request,
        "teams/targets.html",
        {"form": form, "title": province.name, "province": province},
        status=400 if form.errors else 200,
    )
