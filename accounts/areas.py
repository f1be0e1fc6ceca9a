"""Which part of the site is a person's own: the header they see and where they land.

Four areas, decided from roles: officers (any geographic role, or a superuser) work in the
dashboards and the admin; content editors in the admin; team leaders and members in the team
area; everyone else, signed in or not, reads the citizens' site. A national administrator lands
on the national dashboard (the admin is one link away in their header): most of their days are
spent reading figures, and the dashboard is in the language they chose.

Where officers and team users land is a page of a higher app (reporting's dashboard, teams'
area): accounts cannot name it, so the top layer registers it (`register_landing`, called by
navigation in its `ready`); an area nobody registered lands on the citizens' home page.
"""

from django.urls import reverse
from django.utils import translation

from accounts.memberships import is_on_a_team
from accounts.middleware import has_staff_access
from accounts.scopes import is_officer

OFFICER, EDITOR, TEAM, CITIZEN = "officer", "editor", "team", "citizen"

_landings = {EDITOR: "wagtailadmin_home"}  # area: the URL name of its landing page


def register_landing(area, url_name):
    """Make `url_name` (reversed in the person's language) where people of `area` land."""
    _landings[area] = url_name


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
    url_name = _landings.get(area_of(user))
    with translation.override(language or language_of(user)):
        return reverse(url_name) if url_name else f"/{translation.get_language()}/"
