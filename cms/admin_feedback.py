"""Readers' feedback in the Wagtail admin: a list editors can filter by guide, and a summary on
each guide's edit page that links to it."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms.models.feedback import GuideFeedback


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """Feedback is what readers wrote: editors read it and delete spam, nobody adds or rewrites it."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def _yes_or_no(feedback):
    return _("Yes") if feedback.helpful else _("No")


# Wagtail prints a bare BooleanField as "True"/"False", and its BooleanColumn titles the icons so.
HELPFUL_COLUMN = Column(
    "helpful",
    label=GuideFeedback._meta.get_field("helpful").verbose_name,
    accessor=_yes_or_no,
    sort_key="helpful",
)


class GuideFeedbackViewSet(ModelViewSet):
    model = GuideFeedback
    icon = "comment"
    menu_label = _("Guide feedback")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["guide", HELPFUL_COLUMN, "comment", "language", "created_at"]
    list_filter = ["guide", "helpful", "language"]
    search_fields = ["comment"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["helpful", "comment"]


class FeedbackSummaryPanel(Panel):
    """Yes / no counts and the latest comments, shown beside the guide being edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/feedback_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            guide = self.instance
            feedback = (
                GuideFeedback.objects.filter(guide_id=guide.pk) if guide.pk else GuideFeedback.objects.none()
            )
            context["counts"] = feedback.aggregate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
            context["latest"] = feedback.exclude(comment="")[:5]
            context["list_url"] = f"{reverse('cms_guidefeedback:index')}?guide={guide.pk}"
            return context
