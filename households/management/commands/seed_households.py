from django.core.management.base import BaseCommand, CommandError

from households.seed_scale import seed


class Command(BaseCommand):
    help = (
        "Give every village of `seed_scale` 20 to 60 households with their people and skill "
        "confirmations (PostgreSQL). Replaces earlier seeded households; the logs stay as they are."
    )

    def handle(self, *args, **options):
        try:
            seed(self.stdout)
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS("Seeded."))
