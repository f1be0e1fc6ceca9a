"""The map moves from the teams app into its own, keeping its tables (`teams_province` …).

Only Django's idea of the models changes (state_operations): a database made before the move keeps
its rows, and a new one gets the tables from teams/migrations/0001, which is why this migration
comes after it. teams/migrations/0008 then forgets the old models, once every foreign key points
here. Content types follow, so permissions and admin history keep their rows.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["province", "commune", "village", "mapload"]


def move_content_types(from_app, to_app):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        taken = set(content_types.filter(app_label=to_app).values_list("model", flat=True))
        content_types.filter(app_label=from_app, model__in=set(MODELS) - taken).update(app_label=to_app)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("teams", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MapLoad',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('loaded_at', models.DateTimeField(auto_now_add=True, verbose_name='loaded at')),
                        ('source', models.CharField(max_length=80, verbose_name='source')),
                        ('data_version', models.CharField(max_length=40, verbose_name='data version')),
                        ('provinces', models.PositiveIntegerField(verbose_name='provinces')),
                        ('communes', models.PositiveIntegerField(verbose_name='communes')),
                        ('created', models.PositiveIntegerField(verbose_name='units created')),
                        ('updated', models.PositiveIntegerField(verbose_name='units updated')),
                    ],
                    options={
                        'verbose_name': 'map load',
                        'verbose_name_plural': 'map loads',
                        'db_table': 'teams_mapload',
                        'ordering': ['-loaded_at'],
                        'get_latest_by': 'loaded_at',
                    },
                ),
                migrations.CreateModel(
                    name='Province',
                    fields=[
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('name_key', models.CharField(db_index=True, editable=False, max_length=120)),
                        ('code', models.CharField(max_length=2, primary_key=True, serialize=False, verbose_name='code')),
                        ('kind', models.CharField(choices=[('tinh', 'province'), ('thanh_pho', 'centrally governed city')], max_length=16, verbose_name='type')),
                    ],
                    options={
                        'verbose_name': 'province',
                        'verbose_name_plural': 'provinces',
                        'db_table': 'teams_province',
                        'ordering': ['name_key'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Commune',
                    fields=[
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('name_key', models.CharField(db_index=True, editable=False, max_length=120)),
                        ('code', models.CharField(max_length=5, primary_key=True, serialize=False, verbose_name='code')),
                        ('kind', models.CharField(choices=[('xa', 'commune'), ('phuong', 'ward'), ('dac_khu', 'special zone')], max_length=16, verbose_name='type')),
                        ('population', models.PositiveIntegerField(blank=True, null=True, verbose_name='population')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='communes', to='places.province')),
                    ],
                    options={
                        'verbose_name': 'commune',
                        'verbose_name_plural': 'communes',
                        'db_table': 'teams_commune',
                        'ordering': ['name_key'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Village',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('name_key', models.CharField(db_index=True, editable=False, max_length=120)),
                        ('kind', models.CharField(choices=[('thon', 'village (thôn, bản, ấp)'), ('to_dan_pho', 'residential group (tổ dân phố)')], default='thon', max_length=16, verbose_name='type')),
                        ('population', models.PositiveIntegerField(blank=True, null=True, verbose_name='population')),
                        ('commune', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='villages', to='places.commune')),
                    ],
                    options={
                        'verbose_name': 'village',
                        'verbose_name_plural': 'villages',
                        'db_table': 'teams_village',
                        'ordering': ['name_key'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('commune', 'name_key'), name='village_unique_name_in_commune')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types("teams", "places"), move_content_types("places", "teams")),
    ]
