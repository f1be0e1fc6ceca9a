"""Readers' feedback in the Wagtail admin: a list editors can filter by guide (the summary on each
guide's edit page that links to it is cms/panels.py)."""

from django.utils.translation import gettext_lazy as _
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
