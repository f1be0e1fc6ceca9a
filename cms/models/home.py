"""The home page is the root of each language's tree (/vi/, /en/); topics hang under it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.cache import CachedPageMixin
from cms.models.guides import GuidePage
from cms.models.news import NoticePage
from cms.models.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from cms.routing import RoutedPageMixin
from cms.slugs import TITLE_AND_SLUG, AsciiSlugMixin


class HomePage(CachedPageMixin, RoutedPageMixin, AsciiSlugMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*TITLE_AND_SLUG, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.TopicPage", "cms.NewsIndexPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicPage.objects.child_of(self).live().specific()
        context["latest_guides"] = (
            GuidePage.objects.descendant_of(self).live().order_by("-last_reviewed", "-first_published_at")[:5]
        )
        context["notices"] = NoticePage.objects.descendant_of(self).live().order_by("-date")[:3]
        return context


class TopicPage(FoldedSearchMixin, CachedPageMixin, RoutedPageMixin, AsciiSlugMixin, Page):
    """A basic digital skill or a service teams help with (VNeID, payments, safety…)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*TITLE_AND_SLUG, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), *FOLDED_SEARCH_FIELDS]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def searchable_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.child_of(self).live().order_by("path")
        return context
