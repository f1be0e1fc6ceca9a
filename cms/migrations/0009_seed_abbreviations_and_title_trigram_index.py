"""The abbreviations officers and citizens type, editors' rights over the list, and on PostgreSQL
a trigram index on folded page titles for "Did you mean" (nothing is created on SQLite).

`unaccent()` is only STABLE (it reads a dictionary that could change), so PostgreSQL refuses it
in an index; `cms_folded_title` names the dictionary and is declared IMMUTABLE, the usual
wrapper. cms/search_typos.py queries the very same expression, or the index is not used.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from vietnamese.text import search_key

GROUPS = ["Editors", "Moderators"]
CODENAMES = [
    "add_searchabbreviation",
    "change_searchabbreviation",
    "delete_searchabbreviation",
    "view_searchabbreviation",
]
# Editors keep the list under Search > Abbreviations; these are the ones in every commune's use.
FIRST_ABBREVIATIONS = [
    ("BHYT", "bảo hiểm y tế, health insurance"),
    ("BHXH", "bảo hiểm xã hội, social insurance"),
    ("DVC", "dịch vụ công, public service, public services"),
    ("TTHC", "thủ tục hành chính, administrative procedure"),
    ("CCCD", "căn cước công dân, căn cước, identity card, ID card"),
    ("CMND", "chứng minh nhân dân, căn cước, identity card, ID card"),
    ("ĐDĐT", "định danh điện tử, electronic identity"),
    ("TK", "tài khoản, account"),
    ("MK", "mật khẩu, password"),
    ("NH", "ngân hàng, bank"),
    ("CK", "chuyển khoản, transfer"),
    ("ĐT", "điện thoại, phone"),
    ("SĐT", "số điện thoại, phone number"),
    ("TMĐT", "thương mại điện tử, mua bán trực tuyến, e-commerce, online shopping"),
    ("UBND", "ủy ban nhân dân, People's Committee"),
    ("GPLX", "giấy phép lái xe, driving licence, driver's license"),
]

FOLD_FUNCTION = """
CREATE OR REPLACE FUNCTION cms_folded_title(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""
TITLE_INDEX = (
    "CREATE INDEX IF NOT EXISTS cms_page_folded_title_trgm "
    "ON wagtailcore_page USING gin (cms_folded_title(title) gin_trgm_ops)"
)


def seed(apps, schema_editor):
    SearchAbbreviation = apps.get_model("cms", "SearchAbbreviation")
    for abbreviation, meanings in FIRST_ABBREVIATIONS:
        SearchAbbreviation.objects.get_or_create(
            key=search_key(abbreviation), defaults={"abbreviation": abbreviation, "meanings": meanings}
        )
    cms = apps.get_app_config("cms")
    cms.models_module = True  # permissions are normally created after all migrations have run
    create_permissions(cms, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="cms", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def create_title_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FOLD_FUNCTION)
        schema_editor.execute(TITLE_INDEX)


def drop_title_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS cms_page_folded_title_trgm")
        schema_editor.execute("DROP FUNCTION IF EXISTS cms_folded_title(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_search_abbreviations"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(create_title_index, drop_title_index),
    ]
