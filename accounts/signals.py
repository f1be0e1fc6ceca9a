"""Admin access follows roles: officers and editors get into the Wagtail admin, nobody else; and
the language chosen on the sign-in page is kept.

Wagtail lets in whoever holds "wagtailadmin.access_admin"; giving it through a group tied to
the role means removing the last officer role also closes the door.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_removed
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Role, RoleAssignment
from accounts.two_factor import forget_second_factor

ADMIN_GROUPS = {
    "Officers": {Role.NATIONAL_ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER},
    "Editors": {Role.CONTENT_EDITOR},
}


def _group(name):
    group, created = Group.objects.get_or_create(name=name)
    if created or not group.permissions.filter(codename="access_admin").exists():
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    return group


def sync_admin_groups(user):
    held = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
    for name, roles in ADMIN_GROUPS.items():
        if held & roles:
            user.groups.add(_group(name))
        else:
            user.groups.remove(*Group.objects.filter(name=name))


@receiver(post_save, sender=RoleAssignment)
@receiver(post_delete, sender=RoleAssignment)
def role_changed(sender, instance, **kwargs):
    sync_admin_groups(instance.user)


@receiver(authenticator_removed)
def forget_second_factor_step(sender, request, user, authenticator, **kwargs):
    """Removing the authenticator app sends its owner back to enrolment on their next page."""
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        forget_second_factor(request)


@receiver(user_logged_in, dispatch_uid="accounts.language_chosen_at_sign_in")
def keep_the_language_chosen_at_sign_in(sender, request, user, **kwargs):
    """A language picked on the sign-in pages (Django's language cookie, set only by that choice)
    becomes the person's own: they land on /en/… or /vi/… (accounts/areas.py), the admin speaks
    it, and their texts are written in it."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) if request is not None else None
    if chosen in dict(settings.LANGUAGES) and chosen != user.preferred_language:
        user.preferred_language = chosen
        user.save(update_fields=["preferred_language"])
