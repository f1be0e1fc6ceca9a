"""The team as its leader pastes it into a Zalo group (messaging/sharing.py): who, where, and
the public "find your team" page for its village, which needs no account."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from messaging import sharing


def zalo_share(team):
    query = {"province": team.commune.province_id, "commune": team.commune_id}
    if team.village_id:
        query["village"] = team.village_id
    link = f"{settings.SITE_URL}{reverse('teams:find_team')}?{urlencode(query)}"
    where = f"{team.village.name}, {team.commune.name}" if team.village_id else team.commune.name
    what = _("%(team)s: help with VNeID, online public services and safe payments") % {"team": team.name}
    return sharing.ready_text(what, where=where, link=link)
