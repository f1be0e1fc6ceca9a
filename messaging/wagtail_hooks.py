"""The outbox in the Wagtail admin: read-only, filterable by state and purpose, scoped by unit."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.admin_scoping import ScopedModelViewSet
from messaging.models import Message


class OutboxViewSet(ScopedModelViewSet):
    model = Message
    icon = "mail"
    menu_label = _("Text messages")
    menu_order = 600
    add_to_admin_menu = True
    officer_actions = ("view",)
    inspect_view_enabled = True
    list_display = ["shown_recipient", "purpose", "state", "due_at", "encoding", "segments", "attempts"]
    list_filter = ["state", "purpose"]
    search_fields = ["recipient", "idempotency_key"]
    search_backend_name = None  # plain database look-up: numbers and keys, not words
    inspect_template_name = "messaging/admin/message_inspect.html"
    inspect_view_fields = [
        "recipient",
        "purpose",
        "state",
        "shown_body",
        "language",
        "encoding",
        "segments",
        "due_at",
        "sent_at",
        "attempts",
        "error_code",
        "provider",
        "provider_message_id",
        "idempotency_key",
    ]
    form_fields = ["due_at"]  # the viewset needs a form; officers are never given "change"


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxViewSet("outbox")
