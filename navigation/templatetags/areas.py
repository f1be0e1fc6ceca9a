"""The header's links for the reader's area (accounts/areas.py), the current one marked.

Citizens: guides, trainings, find your team, ask an expert (and the search form beside). Team users: their team, logging a session
(leaders), trainings. Officers: dashboards and the admin. Editors: the admin and the guides.
Signing out is a POST form in the template, never a link.
"""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.areas import CITIZEN, EDITOR, OFFICER, TEAM, area_of
from accounts.memberships import leads_a_team

register = template.Library()


def _links(user, area):
    home = f"/{get_language()}/"
    if area == OFFICER:
        return [(_("Dashboards"), reverse("reporting:dashboard")), (_("Admin"), reverse("wagtailadmin_home"))]
    if area == EDITOR:
        return [(_("Admin"), reverse("wagtailadmin_home")), (_("Guides"), home)]
    if area == TEAM:
        leads = leads_a_team(user)
        links = [(_("My team"), reverse("teams:home"))]
        if leads:
            links.append((_("Log a session"), reverse("teams:log_session")))
        # Leaders run their commune's sessions; members see the sessions open to them.
        links.append((_("Trainings"), reverse("trainings:manage_list" if leads else "trainings:upcoming")))
        return links
    return [
        (_("Guides"), home),
        (_("Trainings"), reverse("trainings:upcoming")),
        (_("Find your team"), reverse("teams:find_team")),
        (_("Ask an expert"), reverse("forum:list")),
    ]


@register.simple_tag(takes_context=True)
def site_nav(context):
    """{"area": …, "links": [(label, url, is_current)]} for the signed-in person, or a citizen."""
    request = context.get("request")
    user = getattr(request, "user", None)
    area = area_of(user) if user is not None else CITIZEN
    links = _links(user, area)
    path = request.path if request is not None else ""
    # The current link is the longest one the page is under; home only when it is the page.
    under = [url for _label, url in links if path == url or (url.count("/") > 2 and path.startswith(url))]
    current = max(under, key=len, default=None)
    return {"area": area, "links": [(label, url, url == current) for label, url in links]}
