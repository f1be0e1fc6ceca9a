"""What editors teach search, and what search could not answer.

Synonyms let a reader's word find a guide written with another ("hack" finds "mất tài khoản");
unanswered searches tell editors which guides to write next. Neither keeps anything about who
searched: only the folded query text, counted per week.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnamese.text import normalize, search_key

_SEPARATORS = re.compile(r"[,;\n]+")


class SearchSynonym(models.Model):
    terms = models.TextField(
        _("words that mean the same"),
        max_length=1000,
        help_text=_(
            "Words or phrases separated by commas, in Vietnamese or English, with or without "
            "diacritics, e.g. “hack, mất tài khoản, bị chiếm”. A search for any of them finds pages "
            "with any other."
        ),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def save(self, *args, **kwargs):
        self.terms = normalize(self.terms)
        super().save(*args, **kwargs)

    @property
    def phrases(self):
        """The folded phrases of this group, longest first, so "bi chiem" wins over "bi"."""
        folded = {search_key(part) for part in _SEPARATORS.split(self.terms)}
        return sorted((phrase for phrase in folded if phrase), key=lambda phrase: (-len(phrase), phrase))


class UnansweredSearch(models.Model):
    """A query (folded) that no page, or a single one, answers with all its words, counted per
    language and week."""

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    week = models.DateField(_("week starting"), db_index=True)
    searches = models.PositiveIntegerField(_("times searched"), default=0)
    results = models.PositiveSmallIntegerField(_("pages with all its words"), default=0)

    class Meta:
        verbose_name = _("unanswered search")
        verbose_name_plural = _("unanswered searches")
        ordering = ["-week", "-searches", "query"]
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "week"], name="unanswered_search_once_a_week"
            )
        ]

    def __str__(self):
        return self.query
