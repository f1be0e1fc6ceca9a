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


@hooks.register("construct_page_action_menu")
def publish_first(menu_items, request, context):
    """The main button of the page editor publishes, for whoever may publish.

    Editors publish their own guides (no approval step, README "Citizens' guides"), so Wagtail's
    default main button, "Save draft", would make the common action the hidden one. Without the
    publish permission the menu is left as Wagtail builds it.
    """
    publish = [item for item in menu_items if item.name == "action-publish"]
    for item in publish:
        menu_items.remove(item)
    menu_items[:0] = publish
