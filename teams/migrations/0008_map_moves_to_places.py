"""The teams app forgets the map, now in places/ (places/migrations/0001): teams' keys point there,
and the old models leave Django's state. Nothing changes in the database.

It waits for every other app's keys to point at places/ too, so no model is left pointing at a
model that is gone.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
        ('teams', '0007_rosterimport_skipped_sheets'),
        ('accounts', '0006_role_units_on_places'),
        ('messaging', '0005_message_commune_on_places'),
        ('privacy', '0002_request_commune_on_places'),
        ('trainings', '0004_session_units_on_places'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='communemonth',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.commune'),
                ),
                migrations.AlterField(
                    model_name='communemonthoutcome',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.commune'),
                ),
                migrations.AlterField(
                    model_name='assistancelog',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='team',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='teams', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='service',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text="Empty for a national service; set for a province's own app or service.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='services', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='communemonth',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province'),
                ),
                migrations.AlterField(
                    model_name='communemonthoutcome',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province'),
                ),
                migrations.AlterField(
                    model_name='assistancelog',
                    name='village',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.village', verbose_name='village'),
                ),
                migrations.AlterField(
                    model_name='team',
                    name='village',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for a commune-level team.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='teams', to='places.village', verbose_name='village'),
                ),
                migrations.DeleteModel(name='Village'),
                migrations.DeleteModel(name='Commune'),
                migrations.DeleteModel(name='Province'),
                migrations.DeleteModel(name='MapLoad'),
            ],
        ),
    ]
