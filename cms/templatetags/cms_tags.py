"""Template helpers for the public site: language alternates, breadcrumbs, share links."""

from urllib.parse import quote, unquote

from django import template
from django.conf import settings
from django.db.models import F
from django.urls import translate_url
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def alternates(context):
    """The current page in each language, as (code, name, path, absolute URL, is_current).

    A Wagtail page links to its live translations (their slugs differ); any other view (search,
    offline, 404) links to the same path under the other language prefix.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = context.get("LANGUAGE_CODE")
    if page is not None and hasattr(page, "get_translations"):
        # Plain pages: a translation's URL needs no field of its own type (a guide's body is long).
        # A page whose context already read them (a guide) passes them as `translations`.
        translations = context.get("translations")
        if translations is None:
            language = F("locale__language_code")
            translations = (
                Page.objects.filter(translation_key=page.translation_key).live().annotate(language=language)
            )
        urls = {translation.language: translation.get_url(request=request) for translation in translations}
        # Compared as the browser sent it: Wagtail quotes a slug with accents ("nh%E1%BA%ADn-…"),
        # request.path holds it unquoted, and a page's own path must never read as a sub-view.
        page_url = unquote(page.get_url(request=request) or "")
        suffix = request.path.removeprefix(page_url) if request.path.startswith(page_url) else ""
        if suffix:
            # A sub-view such as print/ or poster/: the same sub-view in the other language.
            urls = {code: f"{url}{suffix}" for code, url in urls.items() if url}
    else:
        urls = {code: translate_url(request.get_full_path(), code) for code, _name in settings.LANGUAGES}
    # Absolute URLs from SITE_URL, not the request's host: the page is cached and shared.
    # Names from settings (each in its own language, NFC); Django's own "Tiếng Việt" is decomposed.
    return [
        (code, name, url, f"{settings.SITE_URL}{url}", code == current)
        for code, name in settings.LANGUAGES
        if (url := urls.get(code))
    ]


@register.simple_tag
def breadcrumbs(page):
    """Ancestors from the language's home page down to the parent (known already when routed)."""
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is not None:
        return ancestors
    return page.get_ancestors().filter(depth__gt=1)


@register.filter
def urlquote(value):
    return quote(str(value), safe="")
