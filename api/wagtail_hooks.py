from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.scopes import is_officer
from api import admin_tokens


@hooks.register("register_admin_urls")
def token_urls():
    return [
        path("api-tokens/", admin_tokens.tokens, name="api_tokens"),
        path("api-tokens/<int:pk>/revoke/", admin_tokens.revoke, name="api_token_revoke"),
    ]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_officer(request.user)


@hooks.register("register_settings_menu_item")
def token_menu_item():
    return OfficerMenuItem(_("API tokens"), reverse("api_tokens"), icon_name="key", order=900)
