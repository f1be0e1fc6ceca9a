from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.admin_feedback import GuideFeedbackViewSet, ReadAndDeletePolicy
from cms.admin_search import SearchViewSetGroup
from cms.models import GuideFeedback, UnansweredSearch

# What readers did is read (and spam deleted), never written, by editors.
for read_only_model in (GuideFeedback, UnansweredSearch):
    register_permission_policy(read_only_model, ReadAndDeletePolicy(read_only_model))


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return GuideFeedbackViewSet("cms_guidefeedback")


@hooks.register("register_admin_viewset")
def register_search_viewsets():
    return SearchViewSetGroup()
