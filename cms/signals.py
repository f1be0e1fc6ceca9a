"""Clear the page cache whenever what citizens can see changes, and purge the edge's copies."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import cache, routing


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(cache.clear, dispatch_uid=f"cms-cache-{id(signal)}")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_translations, dispatch_uid=f"cms-edge-translations-{id(signal)}")
    post_delete.connect(cache.clear, sender=Page, dispatch_uid="cms-cache-page-deleted")
    # A page made private (or public again) must stop being handed out from the cache at once.
    for signal in (post_save, post_delete):
        signal.connect(
            cache.clear, sender=PageViewRestriction, dispatch_uid=f"cms-cache-privacy-{id(signal)}"
        )
    # A site's hostname, port or root changes the URLs every page prints, and which site serves.
    for signal in (post_save, post_delete):
        signal.connect(cache.clear, sender=Site, dispatch_uid=f"cms-cache-site-{id(signal)}")
        signal.connect(routing.forget_sites, sender=Site, dispatch_uid=f"cms-sites-{id(signal)}")


def purge_translations(instance, **kwargs):
    """The page's other languages leave the edge too (Wagtail's own receiver purges the page).

    Each language has its own tree and its own slugs (/vi/dich-vu-cong-truc-tuyen/… is
    /en/online-public-services/…), so Wagtail's rewrite of /vi/ to /en/ in the same path would
    purge an address that does not exist (WAGTAILFRONTENDCACHE_LANGUAGES is empty for that);
    a translation shows the same page in its language, so it is purged at its own address."""
    translations = [page for page in instance.get_translations().live().specific() if page.url]
    if translations:
        purge_pages_from_cache(translations)
