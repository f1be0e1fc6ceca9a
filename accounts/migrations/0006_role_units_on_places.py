"""Roles and invitations point at the map in its new app (places/); the tables and keys stay as they were."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_invitation_holds_the_role_until_accepted'),
        ('places', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='invitation',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='invitation',
                    name='province',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='roleassignment',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='roleassignment',
                    name='province',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='places.province', verbose_name='province'),
                ),
            ],
        ),
    ]
