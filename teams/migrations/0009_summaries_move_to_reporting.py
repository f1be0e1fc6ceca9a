from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('teams', '0008_map_moves_to_places'),
    ]

    # The commune-month totals now belong to reporting (same tables): only Django's state moves.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(
                    model_name='communemonth',
                    name='commune_month_by_month',
                ),
                migrations.RemoveConstraint(
                    model_name='communemonth',
                    name='commune_month_once',
                ),
                migrations.RemoveIndex(
                    model_name='communemonthoutcome',
                    name='cm_outcome_by_month',
                ),
                migrations.RemoveConstraint(
                    model_name='communemonthoutcome',
                    name='commune_month_outcome_once',
                ),
                migrations.RemoveField(
                    model_name='communemonthoutcome',
                    name='commune',
                ),
                migrations.RemoveField(
                    model_name='communemonthoutcome',
                    name='outcome_type',
                ),
                migrations.RemoveField(
                    model_name='communemonthoutcome',
                    name='province',
                ),
                migrations.DeleteModel(
                    name='CommuneMonth',
                ),
                migrations.DeleteModel(
                    name='CommuneMonthOutcome',
                ),
            ],
        ),
    ]
