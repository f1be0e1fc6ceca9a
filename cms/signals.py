"""Clear the page cache whenever what citizens can see changes."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import cache


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(cache.clear, dispatch_uid=f"cms-cache-{id(signal)}")
    post_delete.connect(cache.clear, sender=Page, dispatch_uid="cms-cache-page-deleted")
