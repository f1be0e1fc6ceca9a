# privacy.models.Channel merged into messaging.models.ConsentMethod: one list of how consent and
# requests arrive. Same stored values (self_service, in_person, phone_call, paper): labels only.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('messaging', '0005_message_commune_on_places'),
    ]

    operations = [
        migrations.AlterField(
            model_name='consentrecord',
            name='method',
            field=models.CharField(choices=[('form', 'form on the website'), ('paper', 'paper form or letter'), ('sms_keyword', 'text message keyword'), ('officer', 'recorded by an officer'), ('sign_in', 'asked for a sign-in code'), ('self_service', 'self-service web'), ('in_person', 'in person, told an officer'), ('phone_call', 'by a phone call to an officer')], max_length=16, verbose_name='method'),
        ),
    ]
