"""Search in the Wagtail admin: the synonyms and abbreviations editors keep, and the week's
searches that found little, which are the guides worth writing next."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from cms.models.search_words import SearchAbbreviation, SearchSynonym, UnansweredSearch


class SearchSynonymViewSet(ModelViewSet):
    model = SearchSynonym
    icon = "link"
    menu_label = _("Synonyms")
    list_display = ["terms"]
    search_fields = ["terms"]
    form_fields = ["terms"]
    copy_view_enabled = False


class SearchAbbreviationViewSet(ModelViewSet):
    model = SearchAbbreviation
    icon = "edit"
    menu_label = _("Abbreviations")
    list_display = ["abbreviation", "meanings"]
    search_fields = ["abbreviation", "meanings"]
    form_fields = ["abbreviation", "meanings"]
    copy_view_enabled = False


class UnansweredSearchViewSet(ModelViewSet):
    model = UnansweredSearch
    icon = "warning"
    menu_label = _("Searches that found little")
    list_display = ["query", "language", "searches", "results", "week"]
    list_filter = ["week", "language"]
    search_fields = ["query"]
    form_fields = []
    copy_view_enabled = False


class SearchViewSetGroup(ModelViewSetGroup):
    menu_label = _("Search")
    menu_icon = "search"
    menu_order = 310
    items = (
        SearchSynonymViewSet("cms_searchsynonym"),
        SearchAbbreviationViewSet("cms_searchabbreviation"),
        UnansweredSearchViewSet("cms_unansweredsearch"),
    )
