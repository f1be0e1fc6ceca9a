"""Wagtail loads `<app>.wagtail_hooks`: the teams admin menu, and the roster import's admin pieces."""

from wagtail import hooks

import teams.rosters.admin_hooks  # noqa: F401  (registers its own views and menu items)
from teams.admin_views import TeamsGroup


@hooks.register("register_admin_viewset")
def register_teams_admin():
    return TeamsGroup()
