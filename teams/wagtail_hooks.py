"""Wagtail loads `<app>.wagtail_hooks`; the teams app's admin pieces register from their modules."""

import teams.rosters.admin_hooks  # noqa: F401
