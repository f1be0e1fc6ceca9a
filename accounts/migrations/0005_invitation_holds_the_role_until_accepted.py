"""Invitations name a phone and a role; the account and its role are set only on acceptance."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_from_account_and_role(apps, schema_editor):
    """Invitations made before this change already point at an account and its role."""
    Invitation = apps.get_model("accounts", "Invitation")
    for invitation in Invitation.objects.select_related("user", "role_assignment"):
        invitation.phone = invitation.user.phone or ""
        invitation.full_name = invitation.user.full_name
        invitation.language = invitation.user.preferred_language
        assignment = invitation.role_assignment
        if assignment is not None:
            invitation.role = assignment.role
            invitation.province_id = assignment.province_id
            invitation.commune_id = assignment.commune_id
        invitation.save()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_access_log"),
        ("teams", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="phone",
            field=models.CharField(default="", max_length=16, verbose_name="phone number"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="invitation",
            name="full_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="invitation",
            name="language",
            field=models.CharField(default="vi", max_length=8, verbose_name="language of the text"),
        ),
        migrations.AddField(
            model_name="invitation",
            name="role",
            field=models.CharField(
                choices=[
                    ("national_admin", "national administrator"),
                    ("province_officer", "province officer"),
                    ("commune_officer", "commune officer"),
                    ("content_editor", "content editor"),
                    ("team_leader", "team leader"),
                    ("team_member", "team member"),
                ],
                default="",
                max_length=32,
                verbose_name="role",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="invitation",
            name="province",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="teams.province",
                verbose_name="province",
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="commune",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="teams.commune",
                verbose_name="commune",
            ),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="user",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="invitations",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(copy_from_account_and_role, migrations.RunPython.noop),
    ]
