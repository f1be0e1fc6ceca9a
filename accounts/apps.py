from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # the other config in this file is wagtail.users'
    name = "accounts"
    verbose_name = _("Accounts and access")

    def ready(self):
        from accounts import signals  # noqa: F401  (connects the receivers)
        from accounts.admin_scoping import ScopedModelViewSet
        from messaging.admin_outbox import register_scoped_viewset

        # The outbox's pages (messaging) list and open messages only within the officer's units.
        register_scoped_viewset(ScopedModelViewSet)


class UsersAppConfig(WagtailUsersAppConfig):
    """wagtail.users, with user forms for our model (accounts/admin_users.py)."""

    user_viewset = "accounts.admin_users.UserViewSet"
