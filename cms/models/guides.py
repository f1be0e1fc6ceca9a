"""A guide: the steps a citizen follows on a phone, with its print, poster and QR code views."""

import io
import math

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from cms.blocks import GuideStreamBlock, plain_text
from cms.cache import CachedPageMixin
from cms.models.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from cms.panels import FeedbackSummaryPanel
from cms.routing import RoutedPageMixin
from cms.slugs import TITLE_AND_SLUG, AsciiSlugMixin
from messaging import sharing

WORDS_PER_MINUTE = 200
# Apps above cms that list things on a guide's page register a function here (the forum's
# "questions answered about this"): guide -> list of (title, url). cms never imports them.
_QUESTION_SOURCES = []


def register_guide_questions(source):
    _QUESTION_SOURCES.append(source)


# This guide in every language, and up to three other live guides of its topic, with each page's
# language. Written out because it runs on every guide view the page cache misses (signed-in
# readers, any query string, the first view after a publish), and the ORM spent 1.5 ms of CPU a
# view building this SQL (a sibling subquery, a type filter, a join): bench/bench_guides.py.
# Measured again for issue 23 (same process, 300 uncached views, median CPU): 1.3 ms written out,
# 3.2 ms through the ORM, of a 14.8 ms uncached guide view: kept.
RELATED_SQL = f"""
SELECT page.*, locale.language_code AS language
FROM {Page._meta.db_table} page JOIN {Locale._meta.db_table} locale ON locale.id = page.locale_id
WHERE page.live AND (page.translation_key = %s OR page.id IN (
    SELECT sibling.id FROM {Page._meta.db_table} sibling
    WHERE sibling.live AND sibling.depth = %s AND sibling.path LIKE %s AND sibling.id <> %s
        AND sibling.content_type_id = %s
    ORDER BY sibling.path LIMIT 3
))
ORDER BY page.path
"""  # noqa: S608 (table names from the models; values bound)


class GuidePage(FoldedSearchMixin, CachedPageMixin, RoutedPageMixin, AsciiSlugMixin, RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences: what this guide helps with.")
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("guide"))
    # Who checked the guide against the real service, and when: readers trust a dated review.
    reviewed_by = models.CharField(_("reviewed by"), max_length=160, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = [
        *TITLE_AND_SLUG,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("reviewed_by"), FieldPanel("last_reviewed")], heading=_("Review")),
        FeedbackSummaryPanel(heading=_("What readers said")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *FOLDED_SEARCH_FIELDS,
    ]
    parent_page_types = ["cms.TopicPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def searchable_text(self):
        return f"{self.summary} {plain_text(self.body)}"

    @property
    def reading_minutes(self):
        words = len(f"{self.title} {self.searchable_text()}".split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def key_steps(self, count=3):
        """The first steps of the guide, for the poster."""
        steps = [step for block in self.body if block.block_type == "steps" for step in block.value["steps"]]
        return steps[:count]

    def public_url(self, request=None):
        return f"{settings.SITE_URL}{self.get_url(request=request)}"

    def qr_svg(self, request=None):
        image = qrcode.make(
            self.public_url(request),
            image_factory=qrcode.image.svg.SvgPathImage,
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            box_size=10,
            border=2,
        )
        buffer = io.BytesIO()
        image.save(buffer)
        return buffer.getvalue().decode()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Titles and URLs only: neither needs the topic's own fields or the guides' bodies, so the
        # related guides and this guide's translations (for the language links) are plain pages,
        # read in one query.
        context["topic"] = self.get_parent()
        guide_type = ContentType.objects.get_for_model(GuidePage)
        parent_path = self.path[: -self.steplen]
        # As each database stores a UUID (SQLite: 32 hex digits), as the ORM would have bound it.
        key = Page._meta.get_field("translation_key").get_db_prep_value(self.translation_key, connection)
        pages = Page.objects.raw(RELATED_SQL, [key, self.depth, f"{parent_path}%", self.pk, guide_type.pk])
        context["translations"] = [page for page in pages if page.translation_key == self.translation_key]
        context["related"] = [page for page in pages if page.translation_key != self.translation_key]
        context["share_url"] = self.public_url(request)
        context["share"] = sharing.ready_text(f"{self.title}: {self.summary}", link=context["share_url"])
        context["answered_questions"] = [item for source in _QUESTION_SOURCES for item in source(self)]
        return context

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("print/")
    def print_view(self, request):
        return self.render(request, template="cms/guide_print.html")

    @path("poster/")
    def poster(self, request):
        return TemplateResponse(
            request, "cms/guide_poster.html", {"page": self, "self": self, "qr": self.qr_svg(request)}
        )

    @path("qr/")
    def qr(self, request):
        return HttpResponse(self.qr_svg(request), content_type="image/svg+xml")
