"""What editors teach search, and what search could not answer.

Synonyms let a reader's word find a guide written with another ("hack" finds "mất tài khoản");
abbreviations let the short forms officers and citizens write ("BHYT", "ĐT", "UBND") find the
guides that spell them out; unanswered searches tell editors which guides to write next. Neither keeps anything about who
searched: only the folded query text, counted per week.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnamese.text import normalize, search_key

_SEPARATORS = re.compile(r"[,;\n]+")


def _phrases(text):
    """The folded phrases of a comma-separated list, longest first, so "bi chiem" wins over "bi"."""
    folded = {search_key(part) for part in _SEPARATORS.split(text)}
    return sorted((phrase for phrase in folded if phrase), key=lambda phrase: (-len(phrase), phrase))


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
        return _phrases(self.terms)


class SearchAbbreviation(models.Model):
    """A short form and what it stands for. Unlike a synonym, the short form is matched only as a
    whole word of the query ("nh" never matches inside "nhanh"), and it stands for its meanings
    wherever they are written out."""

    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=20,
        help_text=_("One word, as people write it, e.g. “BHYT” or “ĐT”. Case and marks do not matter."),
    )
    meanings = models.TextField(
        _("stands for"),
        max_length=500,
        help_text=_(
            "What it stands for, in Vietnamese and English, separated by commas, e.g. "
            "“bảo hiểm y tế, health insurance”."
        ),
    )
    # The folded abbreviation ("ĐT" and "dt" are one), unique so a short form has one meaning list.
    key = models.CharField(max_length=20, unique=True, editable=False)

    class Meta:
        verbose_name = _("search abbreviation")
        verbose_name_plural = _("search abbreviations")
        ordering = ["key"]

    def __str__(self):
        return self.abbreviation

    def save(self, *args, **kwargs):
        self.abbreviation = normalize(self.abbreviation)
        self.meanings = normalize(self.meanings)
        self.key = search_key(self.abbreviation)
        super().save(*args, **kwargs)

    def clean(self):
        key = search_key(self.abbreviation)
        if not key or " " in key:
            raise ValidationError({"abbreviation": _("Write the abbreviation as one word, e.g. BHYT.")})
        if SearchAbbreviation.objects.filter(key=key).exclude(pk=self.pk).exists():
            raise ValidationError({"abbreviation": _("This abbreviation is already in the list.")})
        if not _phrases(self.meanings):
            raise ValidationError({"meanings": _("Write what the abbreviation stands for.")})

    @property
    def phrases(self):
        """The folded meanings, longest first."""
        return _phrases(self.meanings)


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
