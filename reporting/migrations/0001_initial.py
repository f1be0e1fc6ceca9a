import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('places', '0001_initial'),
        ('teams', '0009_summaries_move_to_reporting'),
    ]

    operations = [
        # Made by teams (0002) before reporting held them: only Django's state moves here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CommuneMonth',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('month', models.DateField(help_text='First day of the month.')),
                        ('sessions', models.PositiveIntegerField(default=0)),
                        ('citizens_helped', models.PositiveIntegerField(default=0)),
                        ('women_helped', models.PositiveIntegerField(default=0)),
                        ('over_60_helped', models.PositiveIntegerField(default=0)),
                        ('commune', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.commune')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province')),
                    ],
                    options={
                        'verbose_name': 'commune month total',
                        'verbose_name_plural': 'commune month totals',
                        'db_table': 'teams_communemonth',
                        'indexes': [models.Index(fields=['month', 'province'], name='commune_month_by_month')],
                        'constraints': [models.UniqueConstraint(fields=('commune', 'month'), name='commune_month_once')],
                    },
                ),
                migrations.CreateModel(
                    name='CommuneMonthOutcome',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('month', models.DateField()),
                        ('total', models.PositiveIntegerField(default=0)),
                        ('commune', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.commune')),
                        ('outcome_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='teams.outcometype')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province')),
                    ],
                    options={
                        'verbose_name': 'commune month outcome total',
                        'verbose_name_plural': 'commune month outcome totals',
                        'db_table': 'teams_communemonthoutcome',
                        'indexes': [models.Index(fields=['month', 'province'], name='cm_outcome_by_month')],
                        'constraints': [models.UniqueConstraint(fields=('commune', 'month', 'outcome_type'), name='commune_month_outcome_once')],
                    },
                ),
            ],
        ),
        migrations.CreateModel(
            name='ProvinceTotals',
            fields=[
                ('villages', models.PositiveIntegerField(default=0)),
                ('covered_villages', models.PositiveIntegerField(default=0)),
                ('members', models.PositiveIntegerField(default=0)),
                ('trained_members', models.PositiveIntegerField(default=0)),
                ('province', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='places.province')),
            ],
            options={
                'verbose_name': 'province totals',
                'verbose_name_plural': 'province totals',
            },
        ),
        migrations.CreateModel(
            name='CommuneTotals',
            fields=[
                ('villages', models.PositiveIntegerField(default=0)),
                ('covered_villages', models.PositiveIntegerField(default=0)),
                ('members', models.PositiveIntegerField(default=0)),
                ('trained_members', models.PositiveIntegerField(default=0)),
                ('commune', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='places.commune')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province')),
            ],
            options={
                'verbose_name': 'commune totals',
                'verbose_name_plural': 'commune totals',
                'indexes': [models.Index(fields=['province'], name='commune_totals_by_province')],
            },
        ),
        migrations.CreateModel(
            name='ProvinceMonth',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('sessions', models.PositiveIntegerField(default=0)),
                ('citizens_helped', models.PositiveIntegerField(default=0)),
                ('women_helped', models.PositiveIntegerField(default=0)),
                ('over_60_helped', models.PositiveIntegerField(default=0)),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province')),
            ],
            options={
                'verbose_name': 'province month total',
                'verbose_name_plural': 'province month totals',
                'indexes': [models.Index(fields=['month'], name='province_month_by_month')],
                'constraints': [models.UniqueConstraint(fields=('province', 'month'), name='province_month_once')],
            },
        ),
        migrations.CreateModel(
            name='ProvinceMonthOutcome',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('total', models.PositiveIntegerField(default=0)),
                ('outcome_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='teams.outcometype')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.province')),
            ],
            options={
                'verbose_name': 'province month outcome total',
                'verbose_name_plural': 'province month outcome totals',
                'constraints': [models.UniqueConstraint(fields=('province', 'month', 'outcome_type'), name='province_month_outcome_once')],
            },
        ),
    ]
