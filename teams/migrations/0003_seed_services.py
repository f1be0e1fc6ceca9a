"""The national services and counted outcomes (domain.md); officers edit and add to them later."""

from django.db import migrations

SERVICES = [
    ("vneid", "Định danh điện tử VNeID", "VNeID electronic identity", [
        ("vneid-level2", "Tài khoản VNeID mức 2 được kích hoạt", "VNeID level-2 accounts activated"),
    ]),
    ("public-services", "Dịch vụ công trực tuyến", "Online public services", [
        ("public-service-applications", "Hồ sơ dịch vụ công được nộp trực tuyến", "Public service applications submitted"),
    ]),
    ("cashless-payment", "Thanh toán không dùng tiền mặt", "Cashless payment", [
        ("payment-accounts", "Tài khoản thanh toán không dùng tiền mặt được mở", "Cashless payment accounts opened"),
    ]),
    ("e-commerce", "Thương mại điện tử", "E-commerce", [
        ("ecommerce-accounts", "Tài khoản thương mại điện tử được mở", "E-commerce accounts opened"),
    ]),
    ("online-safety", "An toàn trên mạng, phòng chống lừa đảo", "Online safety and scam awareness", []),
    ("local-platforms", "Nền tảng số địa phương, Zalo", "Local digital platforms, Zalo", []),
]


def seed(apps, schema_editor):
    Service = apps.get_model("teams", "Service")
    OutcomeType = apps.get_model("teams", "OutcomeType")
    for order, (code, name_vi, name_en, outcomes) in enumerate(SERVICES, start=1):
        service, _ = Service.objects.get_or_create(
            code=code, defaults={"name_vi": name_vi, "name_en": name_en, "sort_order": order * 10}
        )
        for outcome_order, (outcome_code, outcome_vi, outcome_en) in enumerate(outcomes, start=1):
            OutcomeType.objects.get_or_create(
                code=outcome_code,
                defaults={
                    "service": service,
                    "name_vi": outcome_vi,
                    "name_en": outcome_en,
                    "sort_order": order * 10 + outcome_order,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("teams", "0002_teams_members_logs")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
