"""The outbox in the Wagtail admin: read-only, filterable by state and purpose, scoped by unit.

It lives in accounts, not messaging, because scoping a listing to an officer's units is accounts'
business (roles, scopes) and messaging sits below accounts: messaging only gives each Message a
commune (`scope_commune_path`), and this viewset shows an officer the messages of their units.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView, InspectView

from accounts.admin_scoping import ScopedModelViewSet
from messaging.models import Message
from vietnamese.phones import stored_fragment


class OutboxIndexView(IndexView):
    """A number is found however it is typed: as the listing shows it (0915 666 777), as stored
    (+84915666777), or in part; other text looks in the idempotency keys."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        found = Q(idempotency_key__icontains=self.search_query)
        digits = stored_fragment(self.search_query)
        if digits:
            found |= Q(recipient__contains=digits)
        return queryset.filter(found)


class MessageInspectView(InspectView):
    """Times in Asia/Ho_Chi_Minh as dd/mm/yyyy hh:mm, like the listing; a time not yet reached, a dash."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None:
            return "—"
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "d/m/Y H:i")
        return value


class OutboxViewSet(ScopedModelViewSet):
    model = Message
    icon = "mail"
    menu_label = _("Text messages")
    menu_order = 600
    add_to_admin_menu = True
    officer_actions = ("view",)
    index_view_class = OutboxIndexView
    inspect_view_enabled = True
    inspect_view_class = MessageInspectView
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
