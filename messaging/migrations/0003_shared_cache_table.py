"""The database cache's table, so `migrate` alone readies the embedded mode.

Without REDIS_URL the default cache is the database (config/settings/base.py): rate-limit counters and
cached pages must be shared by every gunicorn worker. createcachetable makes the table only for
database caches, and only when missing, so with Redis this does nothing.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("messaging", "0002_consent_recorded_by")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
