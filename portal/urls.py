from django.urls import path

from portal import feeds

app_name = "portal"

# In each language (/vi/…, /en/…): the feeds carry the reader's language.
urlpatterns = [
    path("feeds/notices.rss", feeds.NoticesRss(), name="notices_rss"),
    path("feeds/notices.atom", feeds.NoticesAtom(), name="notices_atom"),
]
