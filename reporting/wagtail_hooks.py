"""Wagtail loads `<app>.wagtail_hooks`: the monthly reports in the admin, read-only and scoped.

Reports are moved (submitted, returned, approved, reopened) on the officers' dashboard pages,
reporting/monthly/views.py, the one place those moves are made; the admin lists them, filtered by
state and month, for officers who work there, each unit's rows only (accounts/admin_scoping.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.admin_scoping import ScopedModelViewSet
from reporting.models import MonthlyReport


class MonthlyReportViewSet(ScopedModelViewSet):
    model = MonthlyReport
    icon = "doc-full"
    menu_label = _("Monthly reports")
    menu_order = 500
    add_to_admin_menu = True
    officer_actions = ("view",)
    inspect_view_enabled = True
    list_display = ["commune", "province", "month", "state", "first_submitted_at"]
    list_filter = ["state", "month"]
    inspect_view_fields = [
        "province",
        "commune",
        "month",
        "state",
        "first_submitted_at",
        "remarks",
        "figures_hash",
    ]
    form_fields = ["remarks"]  # the viewset needs a form; officers are never given "change"


@hooks.register("register_admin_viewset")
def register_monthly_reports():
    return MonthlyReportViewSet("monthly_reports")
