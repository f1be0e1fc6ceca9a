import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
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

    Editors publish their own guides (no approval step, docs/guides.md), so Wagtail's
    default main button, "Save draft", would make the common action the hidden one. Without the
    publish permission the menu is left as Wagtail builds it.
    """
    publish = [item for item in menu_items if item.name == "action-publish"]
    for item in publish:
        menu_items.remove(item)
    menu_items[:0] = publish


@hooks.register("insert_editor_js")
def translation_editor_words():
    """Our words for the two labels wagtail-localize's translation editor writes in English
    (static/cms/localize_words.js puts them in). The page editor loads it too, where it finds
    no translation editor and does nothing."""
    words = {
        "more": _("More actions"),
        "tab": _("%(source)s to %(target)s translation") % {"source": "{source}", "target": "{target}"},
    }
    return format_html(
        '<script src="{}" data-words="{}"></script>', static("cms/localize_words.js"), json.dumps(words)
    )
