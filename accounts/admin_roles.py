"""Role assignments and invitations in the Wagtail admin, for officers within their own units."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from accounts import memberships
from accounts.admin_scoping import ScopedModelViewSet
from accounts.invitations import TEAM_ROLES, invite
from accounts.models import Role, RoleAssignment, User
from accounts.scoped_forms import ScopedAdminForm
from accounts.scopes import assignable_roles, can_assign, is_officer, scope_for, visible, visible_users
from messaging.outbox import when_it_goes
from places.models import Commune, Province
from vietnamese.phones import InvalidPhone, normalize_phone


def _narrow_to(form, user):
    """Offer only the roles, units and people `user` may hand out."""
    roles = assignable_roles(user)
    form.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]
    form.fields["province"].queryset = visible(user, Province.objects.all()).filter(
        pk__in=_managed_provinces(user)
    )
    form.fields["commune"].queryset = visible(user, Commune.objects.select_related("province")).order_by(
        "province__name_key", "name_key"
    )
    # Many communes share a name ("Phường An Bình" in two provinces): the province tells them apart.
    form.fields["commune"].label_from_instance = lambda commune: f"{commune.name} ({commune.province.name})"
    if "user" in form.fields:
        form.fields["user"].queryset = visible_users(user)


def _managed_provinces(user):
    scope = scope_for(user)
    return Province.objects.values("pk") if scope.national else list(scope.provinces)


def _check_assignable(form, user):
    cleaned = form.cleaned_data
    role = cleaned.get("role")
    if role and not can_assign(user, role, province=cleaned.get("province"), commune=cleaned.get("commune")):
        raise forms.ValidationError(_("You may not give this role in this unit."))


class RoleAssignmentForm(ScopedAdminForm):
    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "province", "commune"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _narrow_to(self, self.for_user)

    def clean(self):
        cleaned = super().clean()
        _check_assignable(self, self.for_user)
        return cleaned


class RoleAssignmentViewSet(ScopedModelViewSet):
    model = RoleAssignment
    base_form_class = RoleAssignmentForm
    form_fields = RoleAssignmentForm.Meta.fields
    icon = "group"
    menu_label = _("Roles")
    menu_order = 550
    add_to_admin_menu = True
    list_display = ["user", "role", "province", "commune", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__full_name", "user__phone", "user__email"]
    search_backend_name = None


class InvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(
        label=_("Phone number"), widget=forms.TextInput(attrs={"type": "tel", "placeholder": "0912 345 678"})
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none(), required=False)
    commune = forms.ModelChoiceField(label=_("Commune"), queryset=Commune.objects.none(), required=False)
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        help_text=_(
            "For a team leader or member: they join this team when they accept (its commune is used)."
        ),
    )
    team_role = forms.ChoiceField(label=_("Role in the team"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the text"), choices=User._meta.get_field("preferred_language").choices
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        _narrow_to(self, for_user)
        # No role until the officer picks one: the first offered is the most powerful they may give.
        self.fields["role"].choices = [("", "---------"), *self.fields["role"].choices]
        # Only teams in the inviter's own units; the choice is checked again when sending.
        self.fields["team"].queryset = memberships.teams_to_invite_to(for_user)
        self.fields["team"].label_from_instance = lambda team: f"{team.name} ({team.commune.name})"
        self.fields["team_role"].choices = [("", "---------"), *memberships.team_roles()]

    def clean_phone(self):
        try:
            return normalize_phone(self.cleaned_data["phone"])
        except InvalidPhone as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("team"):
            self._clean_team(cleaned)
        if cleaned.get("role"):
            probe = RoleAssignment(
                role=cleaned["role"], province=cleaned.get("province"), commune=cleaned.get("commune")
            )
            try:
                probe.clean()
            except forms.ValidationError as error:
                raise forms.ValidationError(error.messages) from None
            _check_assignable(self, self.for_user)
        return cleaned

    def _clean_team(self, cleaned):
        """The role is held in the team's commune; the role in the team follows the account's role
        unless chosen, and a team has one leader."""
        team, role = cleaned["team"], cleaned.get("role")
        if cleaned.get("commune") not in (None, team.commune):
            self.add_error(
                "commune",
                _("The team is in %(commune)s: choose that commune or none.")
                % {"commune": team.commune.name},
            )
        cleaned["province"], cleaned["commune"] = None, team.commune
        if role not in TEAM_ROLES:
            self.add_error("role", _("Someone invited to a team is invited as team leader or team member."))
            return
        leader = "leader"
        cleaned["team_role"] = cleaned.get("team_role") or (leader if role == Role.TEAM_LEADER else "member")
        if (cleaned["team_role"] == leader) != (role == Role.TEAM_LEADER):
            self.add_error("team_role", _("A team's leader is invited as team leader, and only the leader."))
        elif cleaned["team_role"] == leader and memberships.has_other_leader(team, cleaned.get("phone")):
            self.add_error("team", _("This team already has a leader."))


def invite_view(request):
    if not (request.user.is_superuser or is_officer(request.user)):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, for_user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invite(
            request.user,
            data["phone"],
            data["full_name"],
            data["role"],
            province=data.get("province"),
            commune=data.get("commune"),
            language=data["language"],
            team=data.get("team"),
            team_role=data.get("team_role", ""),
        )
        messages.success(
            request,
            _("Invitation to %(name)s: the text message goes %(when)s.")
            % {"name": data["full_name"], "when": when_it_goes()},
        )
        return redirect("invite_by_sms")
    return TemplateResponse(
        request,
        "accounts/admin/invite.html",
        {"form": form, "link_hours": settings.INVITATION_LINK_MAX_AGE_HOURS},
    )
