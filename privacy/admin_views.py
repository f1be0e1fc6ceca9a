"""The rights requests queue, the breach register and the access log in the Wagtail admin.

Requests are scoped like everything else (accounts/scopes.py, through the request's commune or
province): an officer sees the requests of people in their units, a national administrator all;
another unit's request id is a 404 from every view. Recording and acting on a request, which
reach a whole person, are in privacy/admin_person.py. The breach register and the access log are
for national administrators only.
"""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.admin_scoping import ScopedModelViewSet
from accounts.models import AccessLogEntry
from accounts.scopes import scope_for
from messaging.outbox import mute, record_consent, unmute
from privacy.admin_person import ActForm, officer_of
from privacy.clocks import VIETNAM
from privacy.forms import RecordConsentForm
from privacy.models import Breach, RightsRequest


class RequestIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Record a request"), url=reverse("privacy_record_request"), icon_name="plus"),
            HeaderButton(
                _("Record consent or an opt-out"), url=reverse("privacy_record_consent"), icon_name="tick"
            ),
        ]


class RequestInspectView(generic.InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actions"] = self.object.actions.all()
        context["act_form"] = ActForm()
        context["overdue"] = self.object.overdue()
        context["may_erase"] = (
            self.object.kind == RightsRequest.Kind.DELETION
            and self.object.is_open
            and bool(self.object.phone)
        )
        return context

    def get_field_display_value(self, field_name, field):
        """Times in Asia/Ho_Chi_Minh as dd/mm/yyyy hh:mm, as in the request's history (not UTC)."""
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime):
            return date_format(timezone.localtime(value), "d/m/Y H:i")
        return value


class RightsRequestViewSet(ScopedModelViewSet):
    model = RightsRequest
    icon = "help"
    menu_label = gettext_lazy("Data requests")
    officer_actions = ("view",)
    inspect_view_enabled = True
    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    inspect_template_name = "privacy/admin/request_inspect.html"
    list_display = ["__str__", "kind", "status", "channel", "commune", "clock"]
    list_filter = ["kind", "status", "channel"]
    inspect_view_fields = [
        "kind",
        "status",
        "channel",
        "full_name",
        "phone",
        "commune",
        "province",
        "detail",
        "received_at",
    ]
    form_fields = ["detail"]  # the viewset needs a form; requests are made by `record_request`


class NationalAdminPolicy(BasePermissionPolicy):
    """National administrators only, for `actions`."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and scope_for(user).national

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        manager = self.model._default_manager
        return manager.all() if self.user_has_permission(user, action) else manager.none()


class NationalViewSet(ModelViewSet):
    national_actions = ("view",)
    copy_view_enabled = False

    def register_permissions(self):
        register_permission_policy(
            self.model, NationalAdminPolicy(self.model, self.national_actions), exact_class=True
        )
        super().register_permissions()


class BreachCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class BreachViewSet(NationalViewSet):
    model = Breach
    icon = "warning"
    menu_label = gettext_lazy("Data breaches")
    national_actions = ("add", "change", "view")
    add_view_class = BreachCreateView
    list_display = ["__str__", "people_affected", "clock"]
    form_fields = [
        "what",
        "discovered_at",
        "happened_at",
        "people_affected",
        "scope",
        "measures",
        "notified_at",
        "notified_to",
    ]


class AccessLogViewSet(NationalViewSet):
    model = AccessLogEntry
    icon = "download"
    menu_label = gettext_lazy("Personal data access log")
    list_display = ["at", "user_label", "shown_what", "shown_scope", "rows", "detail"]
    list_filter = ["what"]
    form_fields = ["detail"]  # the viewset needs a form; nobody is given "change"


class PersonalDataGroup(ViewSetGroup):
    menu_label = gettext_lazy("Personal data")
    menu_icon = "lock"
    menu_order = 650
    items = (
        RightsRequestViewSet("data_requests"),
        BreachViewSet("data_breaches"),
        AccessLogViewSet("access_log"),
    )


def record_consent_in_person(request):
    """Consent given or withdrawn, or an opt-out, on paper, in person or by phone."""
    user = officer_of(request)
    form = RecordConsentForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        recorded = {
            "method": data["method"],
            "recorded_by": user,
            "recorded_at": _when_given(data["given_on"]),
        }
        note = data["note"] or "recorded by an officer"
        if data["choice"] == form.OPT_OUT:
            mute(data["phone"], note, **recorded)
        elif data["choice"] == form.OPT_IN:
            unmute(data["phone"], note, **recorded)
        else:
            granted = data["choice"].startswith("grant:")
            record_consent(data["phone"], form.purpose, note=note, granted=granted, **recorded)
        messages.success(request, _("Recorded."))
        return redirect("privacy_record_consent")
    return render(
        request,
        "privacy/admin/form.html",
        {"form": form, "title": _("Record consent or an opt-out"), "submit": _("Record")},
    )


def _when_given(day):
    """A paper form carries a date, not a time: now if it is today, else noon that day (Vietnam
    time, so never the day before in UTC). Consent's latest record counts, so a form dated in the
    past never outranks what the person did online since."""
    if day >= timezone.localdate():
        return timezone.now()
    return datetime.combine(day, time(12), tzinfo=VIETNAM)
