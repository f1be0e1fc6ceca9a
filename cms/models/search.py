"""Folded copies of a page's words, indexed beside the original text.

No search backend folds Vietnamese the way readers type it: PostgreSQL's default configuration
keeps accents, SQLite FTS5 folds "a" with one mark but not "ệ" or "đ", and neither unifies
tone-mark placement (hòa / hoà). So each page also indexes `vietnamese.text.search_key` of its
title and text, and queries are folded the same way (cms/search.py): one key on every backend.
"""

from wagtail.search import index

from vietnamese.text import search_key


class FoldedSearchMixin:
    def folded_title(self):
        return search_key(self.title)

    def folded_text(self):
        return search_key(self.searchable_text())

    def searchable_text(self):
        """The page's own words beyond its title; page types override this."""
        return getattr(self, "search_description", "")


FOLDED_SEARCH_FIELDS = [
    index.SearchField("folded_title", boost=4),
    index.SearchField("folded_text"),
    index.AutocompleteField("folded_title"),
    index.AutocompleteField("folded_text"),
]
