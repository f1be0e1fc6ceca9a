from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.admin_feedback import GuideFeedbackViewSet, ReadAndDeletePolicy
from cms.models import GuideFeedback

register_permission_policy(GuideFeedback, ReadAndDeletePolicy(GuideFeedback))


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return GuideFeedbackViewSet("cms_guidefeedback")
