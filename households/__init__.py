"""Households of a village and their members' digital skills (issue 26), kept by the village's team.

A household counts as covered when one of its members showed the basic set of skills of the
framework they were checked against (Decision 757/QĐ-BKHCN; households/skills.py). Home visits
leave follow-up tasks for a team member (households/followups.py). Sits beside trainings, above
teams: it reads teams' memberships, and reporting and privacy above read it.
"""
