"""RSS and Atom feeds of the news and notices, one per language (/vi/feeds/notices.rss …).

A feed lists the live, public notices of the reader's language, newest first, each linking to its
page at SITE_URL, the address people share (the pages' own links are built the same way).
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.models import NoticePage

ITEMS = 30


class NoticesRss(Feed):
    def title(self):
        return _("News and notices · Community digital technology teams")

    def description(self):
        return _("Policies and announcements for the community digital technology teams.")

    def link(self):
        return f"{settings.SITE_URL}/{translation.get_language()}/"

    def feed_url(self):
        return f"{settings.SITE_URL}{self.request_path}"

    def get_object(self, request, *args, **kwargs):
        self.request_path = request.path
        return None

    def items(self):
        return (
            NoticePage.objects.live()
            .public()
            .filter(locale__language_code=translation.get_language())
            .order_by("-date", "-pk")[:ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return f"{settings.SITE_URL}{item.get_url()}"

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class NoticesAtom(NoticesRss):
    feed_type = Atom1Feed
    subtitle = NoticesRss.description
