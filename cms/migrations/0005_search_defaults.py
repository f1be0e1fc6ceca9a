"""Search's first synonyms, editors' rights over them, and the PostgreSQL extensions behind typo
suggestions (trigram similarity on unaccented titles; nothing is created on SQLite)."""

from django.contrib.auth.management import create_permissions
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
CODENAMES = [
    "add_searchsynonym",
    "change_searchsynonym",
    "delete_searchsynonym",
    "view_searchsynonym",
    "view_unansweredsearch",
    "delete_unansweredsearch",
]
# Words citizens type for what guides call otherwise; editors keep the list under Search > Synonyms.
FIRST_SYNONYMS = [
    "hack, bị hack, mất tài khoản, bị chiếm, chiếm tài khoản, hacked, stolen account",
    "CCCD, căn cước, căn cước công dân, thẻ căn cước, ID card",
    "định danh, VNeID, định danh điện tử, digital ID",
    "chuyển khoản, thanh toán, trả tiền, pay, payment, transfer",
    "QR, mã QR, VietQR, QR code",
    "lừa đảo, lừa, scam, fraud",
    "dịch vụ công, thủ tục hành chính, public services",
    "mua hàng online, mua sắm trực tuyến, mua bán trực tuyến, online shopping, e-commerce",
    "bảo hiểm y tế, BHYT, health insurance",
]


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("cms", "SearchSynonym")
    for terms in FIRST_SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms)
    cms = apps.get_app_config("cms")
    cms.models_module = True  # permissions are normally created after all migrations have run
    create_permissions(cms, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="cms", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_search_synonyms_and_unanswered")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
