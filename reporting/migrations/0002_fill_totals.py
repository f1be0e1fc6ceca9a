from io import StringIO

from django.core.management import call_command
from django.db import migrations


def fill(apps, schema_editor):
    """A database made before reporting has logs, teams and members but no province or commune
    totals yet: count them once, as the nightly rebuild would."""
    if apps.get_model("places", "Commune").objects.exists():
        call_command("rebuild_summaries", stdout=StringIO())


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
