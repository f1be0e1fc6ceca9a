from django.db import migrations

from reporting.summaries import rebuild_all
from reporting.totals import rebuild_counts


def fill(apps, schema_editor):
    """A database made before reporting has logs, teams and members but no province or commune
    totals yet: count them once, as the nightly rebuild would (the kept twelve months, whose
    table comes later, are made by 0005)."""
    if apps.get_model("places", "Commune").objects.exists():
        rebuild_all(kept_years=False)
        rebuild_counts()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
