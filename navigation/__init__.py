"""The site's navigation: the header's links for each area and where each area lands.

It names the pages of the apps below it (`teams:`, `trainings:`, `reporting:` URLs), so it sits
at the top layer, under `config` only. accounts decides a person's area from their roles
(accounts/areas.py) and asks for landing pages through `register_landing`, filled here.
"""
