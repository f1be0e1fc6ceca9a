from django.core.management.base import BaseCommand

from teams.summaries import rebuild_all


class Command(BaseCommand):
    help = "Recompute the commune-month totals behind the dashboards from the assistance logs."

    def handle(self, *args, **options):
        rebuild_all()
        self.stdout.write(self.style.SUCCESS("Monthly totals rebuilt."))
