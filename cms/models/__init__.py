from cms.models.feedback import GuideFeedback
from cms.models.guides import GuidePage
from cms.models.home import HomePage, TopicPage
from cms.models.news import NewsIndexPage, NoticePage, StandardPage
from cms.models.search_words import SearchAbbreviation, SearchSynonym, UnansweredSearch

__all__ = [
    "GuideFeedback",
    "GuidePage",
    "HomePage",
    "NewsIndexPage",
    "NoticePage",
    "SearchAbbreviation",
    "SearchSynonym",
    "StandardPage",
    "TopicPage",
    "UnansweredSearch",
]
