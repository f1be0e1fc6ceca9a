"""Officers manage teams, members, logs, services and outcomes in the Wagtail admin, in their units.

Scoping rides on two things: a permission policy that asks `accounts.scopes` whether the user's
scope holds the object, and index views whose queryset is `visible(user, …)`. Teams and members
are never deleted from here (a team is dissolved, a member leaves), so history stays true.
Search folds what is typed (`search_key`) and compares it with the names' folded copies, so
"nguyen van hung" finds "Nguyễn Văn Hùng" on every database.
"""

import django_filters
from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.scopes import get_visible_or_404, scope_for, visible
from teams.models import AssistanceLog, Commune, Member, OutcomeType, Province, Service, Team


class ScopedPolicy(BasePermissionPolicy):
    """Officers may view, add and change what lies in their scope; nobody deletes from the admin."""

    actions = {"view", "add", "change"}

    def user_has_permission(self, user, action):
        return action in self.actions and not scope_for(user).is_empty

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return visible(user, self.model.objects.filter(pk=instance.pk)).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return visible(user, self.model.objects.all())

    def users_with_any_permission(self, actions):
        from accounts.models import User

        return User.objects.filter(Q(is_superuser=True) | Q(role_assignments__isnull=False)).distinct()


class LogPolicy(ScopedPolicy):
    """Logs are written by team leaders on their phones; officers correct them."""

    actions = {"view", "change"}


class NationalDataPolicy(ScopedPolicy):
    """Services and outcome types: every officer sees them; national administrators change them,
    a province officer the services of their own province (a province's own citizen app)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        scope = scope_for(user)
        if action == "view" or scope.national:
            return True
        service = instance if isinstance(instance, Service) else instance.service
        return service.province_id in scope.provinces

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.model.objects.all()


def _provinces(request):
    return visible(request.user, Province.objects.all()) if request else Province.objects.none()


def _communes(request):
    return visible(request.user, Commune.objects.all()) if request else Commune.objects.none()


class TeamFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), field_name="commune__province", queryset=_provinces
    )
    commune = django_filters.ModelChoiceFilter(label=_("Commune"), field_name="commune", queryset=_communes)

    class Meta:
        model = Team
        fields = ["province", "commune", "status"]


class MemberFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), field_name="team__commune__province", queryset=_provinces
    )
    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"), field_name="team__commune", queryset=_communes
    )
    team_status = django_filters.ChoiceFilter(
        label=_("Team status"), field_name="team__status", choices=Team.Status.choices
    )
    current = django_filters.BooleanFilter(
        label=_("Still on the team"), field_name="left_on", lookup_expr="isnull"
    )

    class Meta:
        model = Member
        fields = ["province", "commune", "team_status", "organisation", "role", "training_status", "current"]


class LogFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), field_name="commune__province", queryset=_provinces
    )
    commune = django_filters.ModelChoiceFilter(label=_("Commune"), field_name="commune", queryset=_communes)
    held_on = django_filters.DateFromToRangeFilter(label=_("Date"))

    class Meta:
        model = AssistanceLog
        fields = ["province", "commune", "held_on"]


class ScopedIndexView(IndexView):
    """The listing holds only what the officer's scope holds."""

    def get_base_queryset(self):
        return visible(self.request.user, super().get_base_queryset())


class ScopedEditView(EditView):
    """Another unit's object by id is a 404, as everywhere (accounts.scopes.get_visible_or_404)."""

    def get_object(self, queryset=None):
        return get_visible_or_404(
            self.request.user, self.model._default_manager.all(), pk=unquote(self.object_pk)
        )


class FoldedSearchIndexView(ScopedIndexView):
    """Search through the model's `search(text)` (folded keys) instead of the search backend."""

    def search_queryset(self, queryset):
        return queryset.search(self.search_query) if self.is_searching else queryset


class TeamViewSet(ModelViewSet):
    url_prefix = "teams/teams"
    model = Team
    icon = "group"
    menu_label = _("Teams")
    filterset_class = TeamFilterSet
    list_display = ["name", "commune", "status", "decision_number", "decision_date"]
    form_fields = [
        "name",
        "village",
        "commune",
        "decision_number",
        "decision_date",
        "founded_on",
        "status",
        "dissolved_on",
    ]
    copy_view_enabled = False
    index_view_class = FoldedSearchIndexView
    edit_view_class = ScopedEditView
    search_fields = ["name_key"]  # shows the search box; the view's `search_queryset` does the work
    search_backend_name = None


class MemberViewSet(ModelViewSet):
    url_prefix = "teams/members"
    model = Member
    icon = "user"
    menu_label = _("Members")
    filterset_class = MemberFilterSet
    list_display = ["full_name", "team", "role", "organisation", "training_status", "joined_on", "left_on"]
    form_fields = [
        "team",
        "full_name",
        "phone",
        "publish_phone",
        "publish_phone_consent_method",
        "gender",
        "birth_year",
        "organisation",
        "role",
        "joined_on",
        "left_on",
        "training_status",
        "trained_on",
        "user",
    ]
    copy_view_enabled = False
    index_view_class = FoldedSearchIndexView
    edit_view_class = ScopedEditView
    search_fields = ["name_key"]
    search_backend_name = None


class LogViewSet(ModelViewSet):
    url_prefix = "teams/logs"
    model = AssistanceLog
    icon = "list-ul"
    menu_label = _("Assistance logs")
    filterset_class = LogFilterSet
    list_display = ["held_on", "team", "village", "citizens_helped"]
    form_fields = [
        "held_on",
        "village",
        "citizens_helped",
        "women_helped",
        "over_60_helped",
        "services",
        "note",
    ]
    copy_view_enabled = False
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView


class ServiceViewSet(ModelViewSet):
    url_prefix = "teams/services"
    model = Service
    icon = "tasks"
    menu_label = _("Services")
    list_display = ["name_vi", "name_en", "province", "is_active"]
    form_fields = ["code", "name_vi", "name_en", "province", "sort_order", "is_active"]
    copy_view_enabled = False


class OutcomeTypeViewSet(ModelViewSet):
    url_prefix = "teams/outcome-types"
    model = OutcomeType
    icon = "tick"
    menu_label = _("Outcome types")
    list_display = ["name_vi", "name_en", "service", "is_active"]
    form_fields = ["code", "name_vi", "name_en", "service", "sort_order", "is_active"]
    copy_view_enabled = False


class TeamsGroup(ModelViewSetGroup):
    menu_label = _("Community tech teams")
    menu_icon = "group"
    items = [TeamViewSet, MemberViewSet, LogViewSet, ServiceViewSet, OutcomeTypeViewSet]


register_permission_policy(Team, ScopedPolicy(Team))
register_permission_policy(Member, ScopedPolicy(Member))
register_permission_policy(AssistanceLog, LogPolicy(AssistanceLog))
register_permission_policy(Service, NationalDataPolicy(Service))
register_permission_policy(OutcomeType, NationalDataPolicy(OutcomeType))
