"""A request's commune is the map's, now in places/; the table and key stay as they were."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
        ('privacy', '0001_rights_requests_and_breaches'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='rightsrequest',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.commune', verbose_name='commune'),
                ),
            ],
        ),
    ]
