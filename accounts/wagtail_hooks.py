from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from accounts.admin_roles import RoleAssignmentViewSet, invite_view
from accounts.areas import landing_url
from accounts.scopes import is_officer


@hooks.register("register_admin_viewset")
def register_roles():
    return RoleAssignmentViewSet("roles")


@hooks.register("register_admin_urls")
def invitation_urls():
    return [path("invite/", invite_view, name="invite_by_sms")]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or is_officer(request.user)


@hooks.register("register_admin_menu_item")
def invitation_menu_item():
    return OfficerMenuItem(_("Invite by text message"), reverse("invite_by_sms"), icon_name="mail", order=560)


class DashboardMenuItem(OfficerMenuItem):
    """Back to the officer's own dashboard, in the admin's language: the URL is made per request
    (menu items are built once and shared, and the dashboard's address carries the language)."""

    def render_component(self, request):
        url = landing_url(request.user, translation.get_language())
        return LinkMenuItem(self.name, self.label, url, icon_name=self.icon_name, attrs=self.attrs)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return DashboardMenuItem(_("Dashboards"), "", name="dashboards", icon_name="view", order=1)
