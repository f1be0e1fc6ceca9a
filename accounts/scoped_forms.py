"""Forms that offer only what the user's scope allows, for every relation field, by default.

A hand-narrowed form is safe until someone adds a field: the new select then lists all 3,321
communes, every team and every person. So narrowing goes by field type, not by name: every
`ModelChoiceField` and `ModelMultipleChoiceField` of the form, and of its inline child forms,
gets `accounts.scopes.choosable(user, …)` as its queryset. Django then refuses a posted id that
is not in it, with our message in the user's language, and nothing is written. A form built
without a user offers nothing on the map (it fails closed).

The object being saved is checked too: whatever its fields, the unit it ends up in (its
`scope_commune_path`, after the model's own `clean()` has filled it) must be the user's.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.authority import holds, unit_of
from accounts.scopes import OUTSIDE_SCOPE_MESSAGE, choosable, scope_for


def _current_pks(form, name):
    """The ids a field holds on the saved object: they stay choosable so an edit that does not
    touch the field is not refused (a member's account made by another unit's invitation)."""
    if not getattr(form, "instance", None) or form.instance.pk is None:
        return []
    value = form.initial.get(name)
    values = value if isinstance(value, (list, tuple)) else [value]
    return [getattr(item, "pk", item) for item in values if item is not None]


def narrow_choices(form, user):
    """Narrow every relation field of `form` (and its inline child forms) to `user`'s scope."""
    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        offered = choosable(user, field.queryset)
        current = _current_pks(form, name)
        if current:
            offered = offered | field.queryset.filter(pk__in=current)
        field.queryset = offered
        field.error_messages["invalid_choice"] = OUTSIDE_SCOPE_MESSAGE
    for formset in getattr(form, "formsets", {}).values():
        for child in [*formset.forms, formset.empty_form]:
            narrow_choices(child, user)


class ScopedAdminForm(WagtailAdminModelForm):
    """The base of every admin form of a scoped viewset (accounts.admin_scoping)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        narrow_choices(self, self.for_user)

    def _post_clean(self):
        super()._post_clean()
        commune = unit_of(self.instance)
        if commune is not None and not holds(scope_for(self.for_user), self.instance):
            self.add_error(None, OUTSIDE_SCOPE_MESSAGE)
