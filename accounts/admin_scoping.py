"""Wagtail admin viewsets whose every listing and object go through accounts/scopes.py.

`ScopedModelViewSet` is a ModelViewSet for a model that sits on the map (it has
`scope_commune_path`): the listing, its filters, search and counts show only what
`visible(user, …)` allows, and an object outside the user's scope is a 404 from edit, inspect
and delete alike, whether reached by a link or by typing its id. Other apps use it for their
admin screens.
"""

from django.contrib.admin.utils import unquote
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.scopes import get_visible_or_404, is_officer, visible


class OfficerPermissionPolicy(BasePermissionPolicy):
    """Officers (any geographic role) may do `actions`; which rows is decided by their scope."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and (user.is_superuser or is_officer(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and visible(user, self.model._default_manager.filter(pk=instance.pk)).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        return visible(user, self.model._default_manager.all())


class _ScopedObject:
    def get_object(self, queryset=None):
        pk = self.kwargs.get(self.pk_url_kwarg) or getattr(self, "pk", None)
        return get_visible_or_404(self.request.user, self.model._default_manager.all(), pk=unquote(str(pk)))


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible(self.request.user, super().get_base_queryset())


class ScopedEditView(_ScopedObject, generic.EditView):
    pass


class ScopedDeleteView(_ScopedObject, generic.DeleteView):
    pass


class ScopedInspectView(_ScopedObject, generic.InspectView):
    pass


class OfficerPermissionsMixin:
    """For a viewset whose model sits on the map: officers may do `officer_actions` on the rows in
    their scope, by their roles (no Django permission to grant); others need the model's."""

    officer_actions = ("add", "change", "delete", "view")

    def register_permissions(self):
        register_permission_policy(
            self.model, OfficerPermissionPolicy(self.model, self.officer_actions), exact_class=True
        )
        super().register_permissions()


class ScopedModelViewSet(OfficerPermissionsMixin, ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    copy_view_enabled = False
    # Subclasses narrow `officer_actions` (the outbox is read-only).
