"""The roster pages' place in the Wagtail admin: their URLs (/admin/rosters/, as before the move)
and a menu item for officers."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.scopes import scope_for
from rosters import admin_urls


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return not scope_for(request.user).is_empty


@hooks.register("register_admin_urls")
def roster_urls():
    return [path("rosters/", include(admin_urls, namespace="rosters"))]


@hooks.register("register_admin_menu_item")
def roster_menu_item():
    return OfficerMenuItem(
        _("Rosters: import and export"), reverse("rosters:index"), icon_name="table", order=310
    )
