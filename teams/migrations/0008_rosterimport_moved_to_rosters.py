"""RosterImport now belongs to rosters/ (rosters 0001 takes it over with the same table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0007_rosterimport_skipped_sheets"),
        ("rosters", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RosterImport")],
            database_operations=[],
        ),
    ]
