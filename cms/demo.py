"""The demo site: a Vietnamese home page at /vi/ and its English translation at /en/."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage

HOME = {
    "vi": (
        "Tổ công nghệ số cộng đồng",
        "Hướng dẫn từng bước để dùng VNeID, dịch vụ công trực tuyến, thanh toán không dùng tiền mặt "
        "và mua bán trên mạng an toàn.",
    ),
    "en": (
        "Community digital technology teams",
        "Step-by-step guides to VNeID, online public services, cashless payment and safe online shopping.",
    ),
}


@transaction.atomic
def load(stdout):
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=vi).first()
    if home is None:
        title, intro = HOME["vi"]
        home = root.add_child(instance=HomePage(title=title, slug="trang-chu", intro=intro, locale=vi))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root = site.root_page if site.pk else None
        site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, title, home
        site.save()
        if old_root and old_root.specific_class is Page:
            old_root.delete()  # Wagtail's "Welcome" placeholder
    if not HomePage.objects.filter(locale=en, translation_key=home.translation_key).exists():
        title, intro = HOME["en"]
        english = home.copy_for_translation(en)
        english.title, english.intro, english.slug = title, intro, "home"
        english.save_revision().publish()
    stdout.write("Home pages: /vi/ and /en/.")
