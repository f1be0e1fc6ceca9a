"""The demo site: home pages at /vi/ and /en/, six topics, eight guides, a notice and two
standard pages, in Vietnamese and translated to English through wagtail-localize (so the
translation editor shows every segment as translated, and a changed step needs re-translating
alone). Idempotent: pages and images are found by slug and title before anything is created."""

import datetime
import html
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.demo_content import guides_everyday, guides_identity
from cms.demo_content.topics import NEWS, NOTICES, STANDARD_PAGES, TOPICS
from cms.models import GuidePage, HomePage, NewsIndexPage, NoticePage, StandardPage, TopicPage

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
STEPS_HEADING = ("Làm theo các bước", "Follow the steps")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@transaction.atomic
def load(stdout):
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = _home_pages(vi, en)
    topics = {}
    for spec in TOPICS:
        topics[spec["key"]] = _page(home, TopicPage, spec, en, intro=spec["intro"][0])
    for spec in guides_identity.GUIDES + guides_everyday.GUIDES:
        _page(topics[spec["topic"]], GuidePage, spec, en, **_guide_fields(spec))
    news = _page(home, NewsIndexPage, NEWS, en, intro=NEWS["intro"][0])
    for spec in NOTICES:
        _page(
            news,
            NoticePage,
            spec,
            en,
            date=datetime.date.fromisoformat(spec["date"]),
            kind=spec["kind"],
            summary=spec["summary"][0],
            body=_paragraphs(spec["paragraphs"]),
        )
    for spec in STANDARD_PAGES:
        _page(
            home, StandardPage, spec, en, body=_paragraphs(spec["paragraphs"], spec.get("extra_blocks", ()))
        )
    count = GuidePage.objects.filter(locale=vi).count()
    stdout.write(f"Pages: /vi/ and /en/, {len(TOPICS)} topics, {count} guides in each language.")


def _home_pages(vi, en):
    # Wagtail's migrations make the root page and collection; a database flushed by a
    # transactional test has neither, and the demo must still build.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=vi))
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
    return home


def _page(parent, model, spec, english, **fields):
    """The Vietnamese page under `parent` with the spec's slug, created and translated once."""
    slug = spec["slug"][0]
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(title=spec["title"][0], slug=slug, **fields))
        page.save_revision().publish()
    elif hasattr(page, "body") and _lists_without_ids(list(page.body.raw_data)):
        # Loaded by a demo before block ids: give every block an id and translate again, so
        # the English page gets the checklist, steps, captions and alt text it never had.
        page.body = _with_block_ids(model, page.body.raw_data)
        page.save_revision().publish()
        _translate(page, english, _pairs(spec))
    if not page.get_translations().filter(locale=english).exists():
        _translate(page, english, _pairs(spec))
    return page


def _with_block_ids(model, raw):
    """Stream data in which every block and every list item has an id: wagtail-localize offers a
    block for translation only through its id, so text written without one stays Vietnamese."""
    value = model.body.field.stream_block.to_python(list(raw))
    list(value)  # binds each child, so get_prep_value rewrites it (and its list items) with ids
    return value.get_prep_value()


def _lists_without_ids(data):
    """Whether raw stream data holds a list block item without an id (written as a bare value)."""
    if isinstance(data, dict):
        return any(_lists_without_ids(child) for child in data.values())
    if isinstance(data, list):
        return any(
            not (isinstance(item, dict) and item.get("id")) or _lists_without_ids(item) for item in data
        )
    return False


def _pairs(spec):
    """Every (Vietnamese, English) pair in a spec, however deeply nested, as a lookup."""
    if isinstance(spec, tuple) and len(spec) == 2 and all(isinstance(text, str) for text in spec):
        return {spec[0]: spec[1]}
    children = spec.values() if isinstance(spec, dict) else spec if isinstance(spec, list | tuple) else []
    pairs = {}
    for child in children:
        pairs.update(_pairs(child))
    return pairs


def _translate(page, locale, pairs):
    """Translate each segment wagtail-localize extracted, as an editor would in its editor."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    pairs = {**pairs, STEPS_HEADING[0]: STEPS_HEADING[1]}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = html.unescape(segment.string.data)
        if text not in pairs:
            raise KeyError(f"no English for {text!r} in {page.title!r}")
        english = pairs[text] if text == segment.string.data else escape(pairs[text])
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": english, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # Published here rather than by save_target(publish=True), which defers it to the end of the
    # transaction: the English parent would be published after its children were added, writing
    # back a child count of zero (the children then 404), and in tests it would never publish.
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()


def _guide_fields(spec):
    shot = spec.get("shot")
    image = _screenshot(spec["slug"][0], shot) if shot else None
    steps = []
    for index, (text, _english) in enumerate(spec["steps"]):
        screenshot = {"image": None, "alt": "", "caption": ""}
        if image and index == 0:
            screenshot = {"image": image.pk, "alt": shot["alt"][0], "caption": shot["caption"][0]}
        steps.append({"text": f"<p>{escape(text)}</p>", "screenshot": screenshot})
    body = []
    if spec.get("needs"):
        body.append({"type": "needs", "value": {"items": [vi for vi, _en in spec["needs"]]}})
    body.append({"type": "steps", "value": {"heading": STEPS_HEADING[0], "steps": steps}})
    body.append({"type": "tip", "value": {"text": spec["tip"][0]}})
    body.append({"type": "warning", "value": {"text": spec["warning"][0]}})
    return {
        "summary": spec["summary"][0],
        "body": _with_block_ids(GuidePage, body),
        "reviewed_by": spec["reviewed_by"][0],
        "last_reviewed": datetime.date.fromisoformat(spec["last_reviewed"]),
    }


def _paragraphs(pairs, extra_blocks=()):
    """Paragraphs, then blocks without text of their own (such as the "my data" link)."""
    body = [{"type": "paragraph", "value": f"<p>{escape(vi)}</p>"} for vi, _en in pairs]
    body += [{"type": kind, "value": None} for kind in extra_blocks]
    return _with_block_ids(StandardPage, body)


def _screenshot(slug, shot):
    """A drawn phone screen standing in for a real screenshot (the demo ships no third-party images)."""
    Image = get_image_model()
    title = f"demo-{slug}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    app_name, button = shot["screen"]["app"], shot["screen"]["button"]
    canvas = PillowImage.new("RGB", (720, 1280), "#f4f4f4")
    draw = ImageDraw.Draw(canvas)
    heading, label = ImageFont.truetype(FONT, 56), ImageFont.truetype(FONT, 40)
    draw.rectangle((0, 0, 720, 160), fill="#b3261e")
    draw.text((40, 50), app_name, font=heading, fill="white")
    for row in range(5):
        draw.rounded_rectangle((40, 240 + row * 110, 680, 310 + row * 110), radius=16, fill="#dddddd")
    draw.rounded_rectangle((60, 900, 660, 1020), radius=60, fill="#0b57d0")
    draw.text((360, 960), button, font=label, fill="white", anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = Image(title=title, description=shot["alt"][0], file=ImageFile(buffer, name=f"{title}.png"))
    image.save()
    return image
