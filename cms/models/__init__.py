from cms.models.feedback import GuideFeedback
from cms.models.guides import GuidePage
from cms.models.home import HomePage, TopicPage
from cms.models.news import NewsIndexPage, NoticePage, StandardPage
from cms.models.search_words import SearchSynonym, UnansweredSearch

__all__ = [
    "GuideFeedback",
    "GuidePage",
    "HomePage",
    "NewsIndexPage",
    "NoticePage",
    "SearchSynonym",
    "StandardPage",
    "TopicPage",
    "UnansweredSearch",
]
