from django.core.management.base import BaseCommand

from households import totals as household_totals
from reporting.summaries import rebuild_all
from reporting.totals import rebuild_counts


class Command(BaseCommand):
    help = (
        "Recompute the totals behind the dashboards from the assistance logs, teams, members and households."
    )

    def handle(self, *args, **options):
        rebuild_all()
        rebuild_counts()
        household_totals.rebuild()
        self.stdout.write(self.style.SUCCESS("Monthly totals rebuilt."))
