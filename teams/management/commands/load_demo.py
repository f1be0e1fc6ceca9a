import importlib

from django.core.management.base import BaseCommand

# Each app adds its demo data here, in the order they depend on each other.
DEMO_STEPS = ["teams.demo", "accounts.demo", "cms.demo", "trainings.demo", "reporting.demo"]


class Command(BaseCommand):
    help = "Load the demo: map, villages, people, pages and monthly reports. Safe to run again; it changes nothing the second time."

    def handle(self, *args, **options):
        for module in DEMO_STEPS:
            importlib.import_module(module).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo ready."))
