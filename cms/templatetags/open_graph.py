"""`{% open_graph page %}`: the Open Graph tags a shared link shows in Zalo or Facebook.

The image is the page's first screenshot (a guide's first step with one), cut to the 1200×630
such apps show, or else the site's icon; addresses are absolute, from SITE_URL.
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language

register = template.Library()

LOCALES = {"vi": "vi_VN", "en": "en_US"}


def first_screenshot(page):
    for block in getattr(page, "body", None) or []:
        if block.block_type != "steps":
            continue
        for step in block.value["steps"]:
            image = step["screenshot"].get("image") if step.get("screenshot") else None
            if image:
                return image, step["screenshot"].get("alt") or ""
    return None, ""


def _absolute(url):
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


@register.inclusion_tag("includes/open_graph.html", takes_context=True)
def open_graph(context, page, kind="article"):
    image, alt = first_screenshot(page)
    if image is not None:
        # get_renditions, not get_rendition: only the former leaves a rendition read from the
        # cache alone instead of writing it back on every view (config/caches.py).
        rendition = image.get_renditions("fill-1200x630")["fill-1200x630"]
        picture = {"url": _absolute(rendition.url), "width": 1200, "height": 630, "alt": alt}
    else:
        picture = {"url": _absolute(static("cms/icon-512.png")), "width": 512, "height": 512, "alt": ""}
    language = get_language()  # the page's own: its language prefix chose it (no query for page.locale)
    return {
        "title": page.seo_title or page.title,
        "description": page.search_description or getattr(page, "summary", ""),
        "url": _absolute(page.get_url(request=context.get("request"))),
        "kind": kind,
        "locale": LOCALES.get(language, language),
        "image": picture,
    }
