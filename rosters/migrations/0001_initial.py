"""RosterImport moved here from teams: the same table (teams_rosterimport), so only the state moves.

Databases made before the move keep their rows; teams 0010 drops the model from teams' state.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import runtime.storages
import rosters.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("teams", "0007_rosterimport_skipped_sheets"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RosterImport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                default="roster", max_length=16, verbose_name="what the file holds"
                            ),
                        ),
                        (
                            "file",
                            models.FileField(
                                blank=True,
                                max_length=255,
                                storage=runtime.storages.private_storage,
                                upload_to=rosters.models.random_upload_name,
                                verbose_name="file",
                            ),
                        ),
                        (
                            "errors_file",
                            models.FileField(
                                blank=True,
                                max_length=255,
                                storage=runtime.storages.private_storage,
                                upload_to=rosters.models.random_upload_name,
                                verbose_name="error workbook",
                            ),
                        ),
                        ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("previewing", "checking the file"),
                                    ("previewed", "ready to confirm"),
                                    ("importing", "importing"),
                                    ("done", "imported"),
                                    ("failed", "not imported"),
                                    ("cancelled", "cancelled"),
                                ],
                                default="previewing",
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        ("summary", models.JSONField(blank=True, default=dict, verbose_name="preview")),
                        (
                            "skipped_sheets",
                            models.JSONField(
                                blank=True, default=list, verbose_name="sheets skipped by the officer"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded at")),
                        (
                            "started_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="started at"
                            ),
                        ),
                        (
                            "finished_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="imported at"),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="roster_imports",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "roster import",
                        "verbose_name_plural": "roster imports",
                        "ordering": ["-created_at"],
                        "db_table": "teams_rosterimport",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
