"""The team area's household pages, for a team member on a phone (and officers of the place).

A village, household or person outside what the user keeps answers 404, so ids leak nothing
(households/access.py says who keeps what).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from households import followups, totals
from households.access import may_keep, villages_kept_by
from households.checks import record_check, shown_by
from households.figures import coverage, with_coverage
from households.forms import FollowUpForm, HouseholdForm, PersonForm, SkillCheckForm
from households.models import FollowUp, Household, HouseholdMember
from messaging.consent import record_consent
from messaging.models import ConsentMethod
from places.models import Village
from teams.membership import current_memberships
from teams.models import Member, Team


def _kept(user, queryset, **lookup):
    instance = get_object_or_404(queryset, **lookup)
    village = instance if isinstance(instance, Village) else None
    village = village or getattr(instance, "village", None) or instance.household.village
    if not may_keep(user, village):
        raise Http404
    return instance


def team_members(village):
    """Current members of the teams serving `village`: who may be sent back on a visit."""
    teams = Team.objects.active().filter(
        Q(village=village) | Q(village__isnull=True, commune=village.commune_id)
    )
    return Member.objects.current().filter(team__in=teams).order_by("role", "name_key")


@require_GET
@login_required
def households_home(request):
    villages = list(villages_kept_by(request.user)[:2])
    if len(villages) == 1:
        return redirect("households:village", villages[0].pk)
    if not villages:
        return render(request, "teams/no_team.html", status=403)
    return render(request, "households/villages.html", {"villages": villages_kept_by(request.user)})


@require_GET
@login_required
def village_households(request, village_id):
    village = _kept(request.user, Village.objects.select_related("commune"), pk=village_id)
    households = with_coverage(village.households.all()).annotate(people=Count("members"))
    covered, total = coverage(village.households.all())
    return render(
        request,
        "households/village.html",
        {"village": village, "households": households, "covered": covered, "total": total},
    )


def _record_phone_consent(form, household, user):
    for purpose in form.cleaned_data.get("consent") or ():
        record_consent(household.phone, purpose, ConsentMethod.IN_PERSON, recorded_by=user)


@login_required
def add_household(request, village_id):
    village = _kept(request.user, Village.objects.select_related("commune"), pk=village_id)
    form = HouseholdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            household = form.save(commit=False)
            household.village = village
            household.created_by = household.updated_by = request.user
            household.save()
            # The head is the household's first person: their skills can be checked at once.
            HouseholdMember.objects.create(
                household=household,
                full_name=household.head_name,
                created_by=request.user,
                updated_by=request.user,
            )
            _record_phone_consent(form, household, request.user)
            totals.recount([village.commune_id])
        messages.success(request, _("Household of %(name)s added.") % {"name": household.head_name})
        return redirect("households:detail", household.pk)
    return render(
        request,
        "households/household_form.html",
        {"form": form, "village": village},
        status=400 if form.errors else 200,
    )


@login_required
def edit_household(request, pk):
    household = _kept(request.user, Household.objects.select_related("village"), pk=pk)
    form = HouseholdForm(request.POST or None, instance=household)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            household = form.save(commit=False)
            household.updated_by = request.user
            household.save()
            _record_phone_consent(form, household, request.user)
        messages.success(request, _("Household saved."))
        return redirect("households:detail", household.pk)
    return render(
        request,
        "households/household_form.html",
        {"form": form, "village": household.village, "household": household},
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def household_detail(request, pk):
    household = _kept(request.user, Household.objects.select_related("village__commune"), pk=pk)
    people = list(household.members.prefetch_related("confirmations"))
    for person in people:
        person.has_basic = any(c.what == "basic" for c in person.confirmations.all())
    return render(
        request,
        "households/household.html",
        {
            "household": household,
            "village": household.village,
            "people": people,
            "person_form": PersonForm(),
            "follow_up_form": FollowUpForm(team_members=team_members(household.village)),
            "follow_ups": household.follow_ups.filter(done_at__isnull=True).select_related("assigned_to"),
        },
    )


@require_POST
@login_required
def add_person(request, pk):
    household = _kept(request.user, Household.objects.select_related("village"), pk=pk)
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("households:detail", household.pk)
    person = form.save(commit=False)
    person.household = household
    person.created_by = person.updated_by = request.user
    person.save()
    messages.success(request, _("%(name)s added.") % {"name": person.full_name})
    return redirect("households:detail", household.pk)


def _person(request, pk):
    return _kept(request.user, HouseholdMember.objects.select_related("household__village"), pk=pk)


@login_required
def edit_person(request, pk):
    """Correct one person's name, year of birth or sex; the household they are in is never posted."""
    person = _person(request, pk)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.updated_by = request.user
        person.save()
        messages.success(request, _("%(name)s saved.") % {"name": person.full_name})
        return redirect("households:detail", person.household_id)
    return render(
        request,
        "households/person_form.html",
        {"form": form, "person": person, "village": person.household.village},
        status=400 if form.errors else 200,
    )


@login_required
def remove_person(request, pk):
    """Take one person off the household, with their skills checks (they count no more). The
    register keeps who changed a row last, not a history: the household records who removed them.
    A household keeps one person at least, so that its head can still be checked."""
    person = _person(request, pk)
    household = person.household
    if household.members.count() == 1:
        messages.error(request, _("A household keeps at least one person: correct this one instead."))
        return redirect("households:detail", household.pk)
    if request.method == "POST":
        with transaction.atomic():
            person.delete()
            household.updated_by = request.user
            household.save(update_fields=["updated_by", "updated_at"])
            totals.recount([household.village.commune_id])  # their confirmations went with them
        messages.success(request, _("%(name)s removed from the household.") % {"name": person.full_name})
        return redirect("households:detail", household.pk)
    return render(
        request,
        "households/person_remove.html",
        {"person": person, "village": household.village, "checks": person.checks.count()},
    )


@login_required
def skills_check(request, pk):
    person = _person(request, pk)
    village = person.household.village
    form = SkillCheckForm(request.POST or None, team_members=team_members(village))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            record_check(person, data["shown"], request.user, data["checked_on"])
            if data.get("come_back_on"):
                FollowUp.objects.create(
                    household=person.household,
                    assigned_to=data["assigned_to"],
                    due_on=data["come_back_on"],
                    note=data["come_back_for"],
                    created_by=request.user,
                    updated_by=request.user,
                )
        messages.success(request, _("Skills check of %(name)s saved.") % {"name": person.full_name})
        return redirect("households:detail", person.household_id)
    return render(
        request,
        "households/check_form.html",
        {"form": form, "person": person, "village": village, "shown": shown_by(person)},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def add_follow_up(request, pk):
    household = _kept(request.user, Household.objects.select_related("village"), pk=pk)
    form = FollowUpForm(request.POST, team_members=team_members(household.village))
    if form.is_valid():
        FollowUp.objects.create(
            household=household, created_by=request.user, updated_by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Follow-up visit planned."))
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect("households:detail", household.pk)


@require_POST
@login_required
def follow_up_done(request, pk):
    follow_up = _kept(request.user, FollowUp.objects.select_related("household__village"), pk=pk)
    followups.mark_done(follow_up, request.user)
    messages.success(request, _("Visit marked done."))
    if request.POST.get("next") == "mine":
        return redirect("households:my_follow_ups")
    return redirect("households:detail", follow_up.household_id)


@require_GET
@login_required
def my_follow_ups(request):
    """The open visits assigned to the signed-in team member."""
    mine = FollowUp.objects.filter(assigned_to__in=current_memberships(request.user), done_at__isnull=True)
    return render(
        request,
        "households/my_follow_ups.html",
        {"follow_ups": mine.select_related("household__village").order_by("due_on", "pk")},
    )
