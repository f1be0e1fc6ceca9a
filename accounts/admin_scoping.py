"""Wagtail admin viewsets whose every listing, object and form go through accounts/scopes.py.

`ScopedModelViewSet` is a ModelViewSet for a model that sits on the map (it has
`scope_commune_path`). Rather than naming the views to guard, it wraps every view it builds:
an index view lists only `scoped_queryset(user)`, and any view that fetches one object (edit,
delete, inspect, copy, history and its results, usage, and whatever view a later Wagtail adds)
fetches it from that same queryset, so another unit's id is a 404 however it is reached. Its
forms must be `ScopedAdminForm`s (accounts/scoped_forms.py): every choice offers only the user's
units and people, and a posted id outside them is refused; the listing's filters likewise. Other apps use it for their screens.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.forms import modelform_factory
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.authority import may_act_on
from accounts.models import User
from accounts.scoped_forms import ScopedAdminForm, narrow_choices
from accounts.scopes import is_officer, visible


class OfficerPermissionPolicy(BasePermissionPolicy):
    """Officers (any geographic role) may do `actions`; which rows is decided by their scope."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and (user.is_superuser or is_officer(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_act_on(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return visible(user, self.model._default_manager.all())

    def users_with_any_permission(self, actions):
        return (
            User.objects.filter(is_superuser=True) | User.objects.filter(role_assignments__isnull=False)
        ).distinct()


class _ScopedListing:
    def get_base_queryset(self):
        scoped = self.scoped_queryset(self.request.user)
        return super().get_base_queryset().filter(pk__in=scoped.values("pk"))

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        """A yes/no field as Wagtail's tick or cross (titled in the reader's language by
        templates/wagtailadmin/tables/boolean_cell.html), where Wagtail prints "True"/"False"."""
        field = next((f for f in self.model._meta.fields if f.name == field_name), None)
        if isinstance(field, models.BooleanField):
            column_class = BooleanColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)

    @cached_property
    def filters(self):
        """The listing's filters (province, commune, team…) offer only the user's units too."""
        filterset = super().filters
        if filterset is not None:
            narrow_choices(filterset.form, self.request.user)
        return filterset


class _ScopedObject:
    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        try:
            return self.scoped_queryset(self.request.user).get(pk=pk)
        except (self.model.DoesNotExist, ValueError):
            raise Http404 from None


class ScopedModelViewSet(ModelViewSet):
    copy_view_enabled = False
    # What officers may do here, through `OfficerPermissionPolicy`; subclasses narrow it (the
    # outbox is read-only). None keeps Wagtail's model permissions (the service catalogue).
    officer_actions = ("add", "change", "delete", "view")
    base_form_class = ScopedAdminForm

    def scoped_queryset(self, user):
        """The rows `user` may open here; a viewset whose rows follow other rules overrides it."""
        return visible(user, self.model._default_manager.all())

    def construct_view(self, view_class, **kwargs):
        mixins = []
        if issubclass(view_class, generic.IndexView):
            mixins.append(_ScopedListing)
        if hasattr(view_class, "get_object"):
            mixins.append(_ScopedObject)
        if mixins:
            view_class = type(
                f"Scoped{view_class.__name__}",
                (*mixins, view_class),
                {"scoped_queryset": staticmethod(self.scoped_queryset)},
            )
        return super().construct_view(view_class, **kwargs)

    def get_form_class(self, for_update=False):
        if self._edit_handler:
            form_class = self._edit_handler.get_form_class()
        else:
            form_class = modelform_factory(
                self.model,
                form=self.base_form_class,
                formfield_callback=self.formfield_for_dbfield,
                fields=self.get_form_fields(),
                exclude=self.get_exclude_form_fields(),
            )
        if not issubclass(form_class, ScopedAdminForm):
            raise ImproperlyConfigured(f"{type(self).__name__}'s form must be a ScopedAdminForm.")
        return form_class

    def register_permissions(self):
        if self.officer_actions is not None:
            register_permission_policy(
                self.model, OfficerPermissionPolicy(self.model, self.officer_actions), exact_class=True
            )
        super().register_permissions()
