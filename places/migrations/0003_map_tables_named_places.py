# The map's tables kept the names teams gave them (teams_province …) when places took the models
# (0001): renamed here to places_*, so the database shows the layers as the folders do.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0002_commune_life_on_the_map'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='commune',
            table=None,
        ),
        migrations.AlterModelTable(
            name='mapload',
            table=None,
        ),
        migrations.AlterModelTable(
            name='province',
            table=None,
        ),
        migrations.AlterModelTable(
            name='village',
            table=None,
        ),
    ]
