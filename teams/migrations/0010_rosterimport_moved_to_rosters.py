"""RosterImport now belongs to rosters/ (rosters 0001 takes it over with the same table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0009_summaries_move_to_reporting"),
        ("rosters", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RosterImport")],
            database_operations=[],
        ),
    ]
