from django.core.management.base import BaseCommand, CommandError

from teams.seed_scale import seed


class Command(BaseCommand):
    help = (
        "Fill PostgreSQL with a national-scale dataset for benchmarks: 75,000 villages and teams, "
        "~350,000 members, 5 million logs over three years at --fraction 1. Replaces an earlier seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fraction", type=float, default=1.0, help="share of the full size, e.g. 0.1")

    def handle(self, *args, fraction, **options):
        if not 0 < fraction <= 1:
            raise CommandError("--fraction must be more than 0 and at most 1.")
        try:
            seed(fraction, self.stdout)
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS("Seeded."))
