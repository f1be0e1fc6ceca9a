# The map's tables kept the names teams gave them (teams_province …) when places took the models
# (0001): renamed here to places_*, so the database shows the layers as the folders do. After
# teams/0008, which forgot the old teams.Province etc.: until then teams' own migrations name the
# old tables (a new database would otherwise rename them before teams/0002 points at them).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0002_commune_life_on_the_map'),
        ('teams', '0008_map_moves_to_places'),
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
