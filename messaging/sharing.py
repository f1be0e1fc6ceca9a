"""Texts a team pastes into its Zalo group, and the QR code shown on a phone.

Zalo documents no share link for sites without an Official Account, so copying is the feature:
a ready text (what, when, where, the link) in one tap, and the same without diacritics for old
phones and for people who read it aloud letter by letter. A Zalo OA / ZNS channel would be a
provider behind the outbox instead (platform/zalo.md).
"""

import io
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from vietnamese.text import normalize, strip_diacritics


@dataclass(frozen=True)
class ZaloShare:
    text: str  # with diacritics
    link: str

    @property
    def unaccented(self):
        return strip_diacritics(self.text)

    @property
    def qr(self):
        return qr_svg(self.link)


def ready_text(what, *, link, when="", where="", language=None):
    """The lines of the text: what, then when and where when they are known, then the link."""
    with translation.override(language or translation.get_language()):
        lines = [normalize(what)]
        if when:
            lines.append(_("When: %(when)s") % {"when": when})
        if where:
            lines.append(_("Where: %(where)s") % {"where": normalize(where)})
        lines.append(_("Details: %(link)s") % {"link": link})
    return ZaloShare("\n".join(lines), link)


def qr_svg(url):
    """An inline SVG QR code of `url`: no image request, crisp at any size on a phone's screen."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        box_size=10,
        border=2,
    )
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 (made by qrcode from a URL, no user markup)
