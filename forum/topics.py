"""Topics in the reader's language. A question or an expert keeps the topic page chosen in the
language it was made in; a reader of the other interface language sees that page's translation
(the same translation_key): its title, its guides, its slug in the list's filter."""

from cms.models import TopicPage


def topics_in(language):
    return TopicPage.objects.live().filter(locale__language_code=language).order_by("path")


def by_key(topics):
    """Topics of one language by translation_key, to name another language's topic in this one."""
    return {topic.translation_key: topic for topic in topics}


def in_language(topic, language):
    """`topic`'s live translation in `language`: itself when it is in that language or has none."""
    if topic.locale.language_code == language:
        return topic
    return topics_in(language).filter(translation_key=topic.translation_key).first() or topic


def translated_slug(slug, language):
    """The slug in `language` of the live topic whose slug, in another language, is `slug`."""
    other = TopicPage.objects.live().filter(slug=slug).exclude(locale__language_code=language).first()
    translation = other and in_language(other, language)
    return translation.slug if translation and translation.pk != other.pk else None
