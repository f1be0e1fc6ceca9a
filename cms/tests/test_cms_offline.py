"""What makes the site installable and readable offline, and the rule on screenshots' alt text."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cms.blocks import GuideStreamBlock

pytestmark = pytest.mark.django_db


def test_service_worker_is_served_from_the_root_and_never_stale(client):
    response = client.get("/sw.js")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    assert '"/vi/offline/"' not in body  # built from the language list, not hard-coded
    assert 'const LANGUAGES = ["vi", "en"]' in body


@pytest.mark.parametrize(
    ("language", "heading"), [("vi", "Bạn đang không có mạng"), ("en", "You are offline")]
)
def test_offline_page_and_manifest_in_each_language(client, language, heading):
    assert heading in client.get(f"/{language}/offline/").content.decode()
    manifest = client.get(f"/{language}/manifest.webmanifest").json()
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def _image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 40), "red").save(buffer, format="PNG")
    image = Image(title="step", file=ImageFile(buffer, name="step.png"))
    image.save()
    return image


def _guide_with_screenshot(image, alt):
    block = GuideStreamBlock()
    return block, block.to_python(
        [
            {
                "type": "steps",
                "value": {
                    "heading": "",
                    "steps": [
                        {
                            "text": "<p>Mở ứng dụng.</p>",
                            "screenshot": {"image": image.pk, "alt": alt, "caption": ""},
                        }
                    ],
                },
            }
        ]
    )


def test_a_screenshot_without_alt_text_cannot_be_published():
    image = _image()
    block, value = _guide_with_screenshot(image, alt="  ")
    with pytest.raises(ValidationError):
        block.clean(value)

    block, value = _guide_with_screenshot(image, alt="Nút Kích hoạt ở màn hình đầu")
    assert block.clean(value)
