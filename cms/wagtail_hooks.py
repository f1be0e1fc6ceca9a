from wagtail import hooks

from cms.admin_feedback import GuideFeedbackViewSet


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return GuideFeedbackViewSet("cms_guidefeedback")
