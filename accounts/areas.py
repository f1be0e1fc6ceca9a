"""Which part of the site is a person's own: the header they see and where they land.

Four areas, decided from roles: officers (any geographic role, or a superuser) work in the
dashboards and the admin; content editors in the admin; team leaders and members in the team
area; everyone else, signed in or not, reads the citizens' site. A national administrator lands
on the national dashboard (the admin is one link away in their header): most of their days are
spent reading figures, and the dashboard is in the language they chose.
"""

from django.urls import reverse
from django.utils import translation

from accounts.memberships import is_on_a_team
from accounts.middleware import has_staff_access
from accounts.scopes import is_officer

OFFICER, EDITOR, TEAM, CITIZEN = "officer", "editor", "team", "citizen"


def area_of(user):
    """The area `user` works in, computed once per user object (the header asks on every page)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return CITIZEN
    cached = getattr(user, "_work_area", None)
    if cached is None:
        if user.is_superuser or is_officer(user):
            cached = OFFICER
        elif has_staff_access(user):
            cached = EDITOR
        elif is_on_a_team(user):
            cached = TEAM
        else:
            cached = CITIZEN
        user._work_area = cached
    return cached


def language_of(user):
    """The language `user` chose (invitations record it), else the one of the current page."""
    return getattr(user, "preferred_language", None) or translation.get_language() or "vi"


def landing_url(user, language=None):
    """Where `user`'s work is, in `language` (by default their own)."""
    area = area_of(user)
    if area == EDITOR:
        return reverse("wagtailadmin_home")
    with translation.override(language or language_of(user)):
        if area == OFFICER:
            return reverse("reporting:dashboard")
        if area == TEAM:
            return reverse("teams:home")
        return f"/{translation.get_language()}/"
