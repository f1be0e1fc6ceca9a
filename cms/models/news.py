"""Policies and announcements: the portal of guidance and progress the national strategy asks for."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyStreamBlock, plain_text
from cms.cache import CachedPageMixin
from cms.models.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from cms.routing import RoutedPageMixin
from cms.slugs import TITLE_AND_SLUG, AsciiSlugMixin


class NewsIndexPage(CachedPageMixin, RoutedPageMixin, AsciiSlugMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*TITLE_AND_SLUG, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NoticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news and notices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notices"] = NoticePage.objects.child_of(self).live().order_by("-date")
        return context


class NoticePage(FoldedSearchMixin, CachedPageMixin, RoutedPageMixin, AsciiSlugMixin, Page):
    class Kind(models.TextChoices):
        POLICY = "policy", _("Policy")
        ANNOUNCEMENT = "announcement", _("Announcement")

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ANNOUNCEMENT)
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyStreamBlock(), verbose_name=_("text"), blank=True)
    source_url = models.URLField(_("source"), blank=True, help_text=_("The official document, if any."))

    content_panels = [
        *TITLE_AND_SLUG,
        FieldPanel("date"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("source_url"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), *FOLDED_SEARCH_FIELDS]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def searchable_text(self):
        return f"{self.summary} {plain_text(self.body)}"


class StandardPage(FoldedSearchMixin, CachedPageMixin, RoutedPageMixin, AsciiSlugMixin, Page):
    """About, privacy policy and the like."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("text"))

    content_panels = [*TITLE_AND_SLUG, FieldPanel("body")]
    search_fields = [*Page.search_fields, *FOLDED_SEARCH_FIELDS]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")

    def searchable_text(self):
        return plain_text(self.body)
