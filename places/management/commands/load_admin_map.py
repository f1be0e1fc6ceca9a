from django.core.management.base import BaseCommand

from places.loading import load_admin_map


class Command(BaseCommand):
    help = "Load or refresh the 34 provinces and 3,321 communes of July 2025 (safe to re-run)."

    def handle(self, *args: object, **options: object) -> None:
        result = load_admin_map()
        self.stdout.write(
            f"{result.provinces} provinces, {result.communes} communes: "
            f"{result.created} created, {result.updated} updated."
        )
