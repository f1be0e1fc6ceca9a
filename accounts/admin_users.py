"""The Wagtail admin's user screens for our user model (full name and phone, no first/last name)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.models import User

FIELDS = ["email", "full_name", "phone", "preferred_language", "is_superuser", "groups"]


class _UserFormMixin(forms.ModelForm):
    first_name = None
    last_name = None
    email = forms.EmailField(required=False, label=_("Email"))

    class Meta:
        model = User
        fields = FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}

    def clean_email(self):
        return self.cleaned_data.get("email") or None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Give an email address or a phone number."))
        return cleaned


class AccountCreationForm(_UserFormMixin, UserCreationForm):
    class Meta(_UserFormMixin.Meta):
        pass


class AccountEditForm(_UserFormMixin, UserEditForm):
    class Meta(_UserFormMixin.Meta):
        fields = [*FIELDS, "is_active"]


class UserViewSet(WagtailUserViewSet):
    create_template_name = "wagtailusers/users/account_create.html"
    edit_template_name = "wagtailusers/users/account_edit.html"

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm
