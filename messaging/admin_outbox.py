"""The outbox in the Wagtail admin: read-only, filterable by state and purpose, scoped by unit.

Scoping a listing to an officer's units is accounts' business (roles, scopes), and accounts sits
above messaging: messaging gives each Message a commune (`scope_commune_path`) and describes the
pages here, and accounts registers the scoped viewset they are built on
(`register_scoped_viewset`, in AccountsConfig.ready). Without it the outbox is not built at all:
an unscoped listing of every text would show officers other provinces' numbers.
"""

import datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView, InspectView

from messaging.models import Message
from vietnamese.phones import stored_fragment


class OutboxIndexView(IndexView):
    """A number is found however it is typed: as the listing shows it (0915 666 777), as stored
    (+84915666777), or in part; other text looks in the idempotency keys."""

    def search_queryset(self, queryset: QuerySet[Message]) -> QuerySet[Message]:
        if not self.is_searching:
            return queryset
        found = Q(idempotency_key__icontains=self.search_query)
        digits = stored_fragment(self.search_query)
        if digits:
            found |= Q(recipient__contains=digits)
        return queryset.filter(found)


class MessageInspectView(InspectView):
    """Times in Asia/Ho_Chi_Minh as dd/mm/yyyy hh:mm, like the listing; a time not yet reached, a dash."""

    def get_field_display_value(self, field_name: str, field: Any) -> Any:
        value = super().get_field_display_value(field_name, field)
        if value is None:
            return "—"
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "d/m/Y H:i")
        return value


class OutboxPages:
    """What the outbox's viewset shows; the scoped viewset accounts registers does the rest."""

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


_scoped_viewset: list[type[Any]] = []  # the one base class accounts registers (a Wagtail viewset)


def register_scoped_viewset(viewset_class: type[Any]) -> None:
    """accounts gives the viewset that limits every listing and object to the officer's units."""
    _scoped_viewset[:] = [viewset_class]


def outbox_viewset(name: str = "outbox") -> Any:
    if not _scoped_viewset:
        raise ImproperlyConfigured(
            "The outbox needs the scoped viewset accounts registers (register_scoped_viewset)."
        )

    # A class known only at run time: mypy takes a base typed Any, not a list's item.
    scoped: Any = _scoped_viewset[0]

    class OutboxViewSet(OutboxPages, scoped):
        pass

    return OutboxViewSet(name)
