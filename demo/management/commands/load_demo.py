from django.core.management.base import BaseCommand

from accounts import demo as accounts_demo
from cms import demo as cms_demo
from forum import demo as forum_demo
from households import demo as households_demo
from reporting import demo as reporting_demo
from teams import demo as teams_demo
from trainings import demo as trainings_demo

# In the order they build on each other: the map and teams first, monthly reports last.
DEMO_STEPS = [
    teams_demo,
    accounts_demo,
    cms_demo,
    trainings_demo,
    households_demo,
    forum_demo,
    reporting_demo,
]


class Command(BaseCommand):
    help = "Load the demo: map, villages, people, pages, households, questions and monthly reports. Safe to run again; it changes nothing the second time."

    def handle(self, *args, **options):
        for step in DEMO_STEPS:
            step.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo ready."))
