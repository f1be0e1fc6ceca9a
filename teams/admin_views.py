"""Officers manage teams, members, logs, services and outcomes in the Wagtail admin, in their units.

Scoping is `accounts.admin_scoping.ScopedModelViewSet`: listings, every per-object view and
every choice in the forms follow `accounts.scopes`. Teams and members
are never deleted from here (a team is dissolved, a member leaves), so history stays true.
Search folds what is typed (`search_key`) and compares it with the names' folded copies, so
"nguyen van hung" finds "Nguyễn Văn Hùng" on every database.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from accounts.admin_scoping import OfficerPermissionPolicy, ScopedModelViewSet
from accounts.scoped_forms import ScopedAdminForm
from accounts.scopes import OUTSIDE_SCOPE_MESSAGE, scope_for
from places.models import Commune, Province
from teams.models import AssistanceLog, Member, OutcomeType, Service, Team


class NationalDataPolicy(OfficerPermissionPolicy):
    """Services and outcome types: every officer sees them; national administrators change them,
    a province officer the services of their own province (a province's own citizen app)."""

    def __init__(self, model):
        super().__init__(model, ("view", "add", "change"))

    def user_has_permission(self, user, action):
        scope = scope_for(user)
        may_write = scope.national or bool(scope.provinces)  # a commune officer only reads
        return super().user_has_permission(user, action) and (action == "view" or may_write)

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


class TeamFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), field_name="commune__province", queryset=Province.objects.all()
    )
    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"), field_name="commune", queryset=Commune.objects.all()
    )

    class Meta:
        model = Team
        fields = ["province", "commune", "status"]


class MemberFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), field_name="team__commune__province", queryset=Province.objects.all()
    )
    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"), field_name="team__commune", queryset=Commune.objects.all()
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
        label=_("Province"), field_name="commune__province", queryset=Province.objects.all()
    )
    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"), field_name="commune", queryset=Commune.objects.all()
    )
    held_on = django_filters.DateFromToRangeFilter(label=_("Date"))

    class Meta:
        model = AssistanceLog
        fields = ["province", "commune", "held_on"]


class FoldedSearchIndexView(IndexView):
    """Search through the model's `search(text)` (folded keys) instead of the search backend;
    `ScopedModelViewSet` narrows the listing to the officer's scope."""

    def search_queryset(self, queryset):
        return queryset.search(self.search_query) if self.is_searching else queryset


class TeamViewSet(ScopedModelViewSet):
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
    index_view_class = FoldedSearchIndexView
    officer_actions = ("view", "add", "change")  # a team is dissolved, a member leaves: no delete
    search_fields = ["name_key"]  # shows the search box; the view's `search_queryset` does the work
    search_backend_name = None


class MemberViewSet(ScopedModelViewSet):
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
    index_view_class = FoldedSearchIndexView
    officer_actions = ("view", "add", "change")
    search_fields = ["name_key"]
    search_backend_name = None


class LogViewSet(ScopedModelViewSet):
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
    # Logs are written by team leaders on their phones; officers correct them.
    officer_actions = ("view", "change")


class CatalogueForm(ScopedAdminForm):
    """A province officer adds and changes services (and their outcomes) of their own province
    only; an empty province would make a national one, which is the national administrators'."""

    def _post_clean(self):
        super()._post_clean()  # the instance now holds what was posted
        policy = NationalDataPolicy(self._meta.model)
        if not self.errors and not policy.user_has_permission_for_instance(
            self.for_user, "change", self.instance
        ):
            self.add_error(None, OUTSIDE_SCOPE_MESSAGE)


class CatalogueViewSet(ScopedModelViewSet):
    """Every officer reads the whole catalogue; `NationalDataPolicy` says who writes what."""

    officer_actions = None
    base_form_class = CatalogueForm
    copy_view_enabled = False

    def scoped_queryset(self, user):
        return self.model.objects.all()


class ServiceViewSet(CatalogueViewSet):
    url_prefix = "teams/services"
    model = Service
    icon = "tasks"
    menu_label = _("Services")
    list_display = ["name_vi", "name_en", "province", "is_active"]
    form_fields = ["code", "name_vi", "name_en", "province", "sort_order", "is_active"]


class OutcomeTypeViewSet(CatalogueViewSet):
    url_prefix = "teams/outcome-types"
    model = OutcomeType
    icon = "tick"
    menu_label = _("Outcome types")
    list_display = ["name_vi", "name_en", "service", "is_active"]
    form_fields = ["code", "name_vi", "name_en", "service", "sort_order", "is_active"]


class TeamsGroup(ModelViewSetGroup):
    menu_label = _("Community tech teams")
    menu_icon = "group"
    items = [TeamViewSet, MemberViewSet, LogViewSet, ServiceViewSet, OutcomeTypeViewSet]


register_permission_policy(Service, NationalDataPolicy(Service))
register_permission_policy(OutcomeType, NationalDataPolicy(OutcomeType))
