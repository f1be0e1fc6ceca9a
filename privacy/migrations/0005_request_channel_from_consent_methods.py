# privacy.models.Channel merged into messaging.models.ConsentMethod: one list of how consent and
# requests arrive. Same stored values (self_service, in_person, phone_call, paper): labels only.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('privacy', '0004_stored_phones_in_ascii_digits'),
    ]

    operations = [
        migrations.AlterField(
            model_name='rightsrequest',
            name='channel',
            field=models.CharField(choices=[('self_service', 'self-service web'), ('in_person', 'in person, told an officer'), ('phone_call', 'by a phone call to an officer'), ('paper', 'paper form or letter')], max_length=16, verbose_name='received by'),
        ),
    ]
