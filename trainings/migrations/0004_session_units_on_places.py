"""A session's commune and village are the map's, now in places/; the tables and keys stay as they were."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
        ('trainings', '0003_sign_up_codes_and_private_links'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='trainingsession',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='training_sessions', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='trainingsession',
                    name='village',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='training_sessions', to='places.village', verbose_name='village'),
                ),
            ],
        ),
    ]
