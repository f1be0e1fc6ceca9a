"""Wagtail loads `<app>.wagtail_hooks`: the teams admin menu."""

from wagtail import hooks

from teams.admin_views import TeamsGroup


@hooks.register("register_admin_viewset")
def register_teams_admin():
    return TeamsGroup()
