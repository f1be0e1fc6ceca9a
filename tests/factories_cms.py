"""Building guide pages for tests: a published page under a topic, in one call."""

import datetime
import json

from cms.models import GuidePage, TopicPage


def demo_guide(slug="kich-hoat-vneid-muc-2"):
    return GuidePage.objects.get(slug=slug, locale__language_code="vi")


def add_guide(topic, title, steps=("Mở ứng dụng.",), slug=None, summary="Tóm tắt ngắn."):
    body = [
        {
            "type": "steps",
            "value": {
                "heading": "",
                "steps": [
                    {"text": f"<p>{step}</p>", "screenshot": {"image": None, "alt": "", "caption": ""}}
                    for step in steps
                ],
            },
        }
    ]
    guide = GuidePage(
        title=title,
        slug=slug or f"guide-{GuidePage.objects.count() + 1}",
        summary=summary,
        body=json.dumps(body),
        last_reviewed=datetime.date(2026, 11, 1),
    )
    topic.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def vietnamese_topic(slug="vneid"):
    return TopicPage.objects.get(slug=slug, locale__language_code="vi")
