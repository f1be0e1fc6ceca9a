"""Clear the page cache whenever what citizens can see changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import cache, routing


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(cache.clear, dispatch_uid=f"cms-cache-{id(signal)}")
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
