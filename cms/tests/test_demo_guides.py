"""The demo guides read fully in English at /en/: checklist, every step, captions and alt text,
not only the title. They are translated through wagtail-localize, as an editor would."""

import html
import re
from io import StringIO

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cms import demo
from cms.demo_content import guides_everyday, guides_identity
from cms.models import GuidePage

pytestmark = pytest.mark.django_db

GUIDES = guides_identity.GUIDES + guides_everyday.GUIDES
# Letters only Vietnamese uses (tone marks, ă, â, ê, ô, ơ, ư, đ): none belongs in an English guide.
VIETNAMESE_LETTER = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)


def _english_texts(spec):
    """What the English guide must show: its checklist, steps, tip, warning, caption and alt text."""
    texts = [english for _vi, english in spec.get("needs", [])]
    texts += [english for _vi, english in spec["steps"]]
    texts += [spec["tip"][1], spec["warning"][1]]
    if spec.get("shot"):
        texts += [spec["shot"]["caption"][1], spec["shot"]["alt"][1]]
    return texts


def _english_article(client, spec):
    vietnamese = GuidePage.objects.get(slug=spec["slug"][0], locale__language_code="vi")
    english = vietnamese.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.url)
    assert response.status_code == 200
    article = re.search(r"<article>(.*)</article>", response.content.decode(), re.S).group(1)
    return html.unescape(article)


def test_every_english_guide_body_is_all_english(client, home_pages):
    # One test for the eight guides: building the demo site is the slow part.
    problems = {}
    for spec in GUIDES:
        article = _english_article(client, spec)
        vietnamese = VIETNAMESE_LETTER.findall(article)
        missing = [text for text in _english_texts(spec) if text not in article]
        if vietnamese or missing:
            problems[spec["slug"][1]] = {"vietnamese letters": vietnamese, "missing": missing}
    assert problems == {}


def _without_list_ids(data):
    """Stream data as the demo wrote it before block ids: list items as bare values."""
    if isinstance(data, dict):
        if data.get("type") == "item" and set(data) == {"type", "value", "id"}:
            return _without_list_ids(data["value"])
        return {key: _without_list_ids(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_without_list_ids(item) for item in data]
    return data


def test_loading_again_fixes_a_guide_loaded_without_block_ids(client, home_pages):
    spec = GUIDES[0]
    guide = GuidePage.objects.get(slug=spec["slug"][0], locale__language_code="vi")
    guide.body = _without_list_ids(list(guide.body.raw_data))
    guide.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(guide)
    source.translations.get().save_target(publish=True)
    assert "Mở CH Play" in _english_article(client, spec)  # the state an old demo left

    demo.load(StringIO())

    article = _english_article(client, spec)
    assert VIETNAMESE_LETTER.findall(article) == []
    assert spec["steps"][0][1] in article
    assert GuidePage.objects.filter(locale__language_code="en").count() == len(GUIDES)
