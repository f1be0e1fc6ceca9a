"""Texts a team pastes into its Zalo group, and the QR code shown on a phone.

Zalo documents no share link for sites without an Official Account, so copying is the feature:
a ready text (what, when, where, the link) in one tap, and the same without diacritics for old
phones and for people who read it aloud letter by letter. A Zalo OA / ZNS channel would be a
provider behind the outbox instead (platform/zalo.md).
"""

from dataclasses import dataclass

import qrcode
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from vietnamese.text import normalize, strip_diacritics


@dataclass(frozen=True)
class ZaloShare:
    text: str  # with diacritics
    link: str

    @property
    def unaccented(self) -> str:
        return strip_diacritics(self.text)

    @property
    def qr(self) -> SafeString:
        return qr_svg(self.link)


def ready_text(
    what: str, *, link: str, when: str = "", where: str = "", language: str | None = None
) -> ZaloShare:
    """The lines of the text: what, then when and where when they are known, then the link."""
    with translation.override(language or translation.get_language()):
        lines = [normalize(what)]
        if when:
            lines.append(_("When: %(when)s") % {"when": when})
        if where:
            lines.append(_("Where: %(where)s") % {"where": normalize(where)})
        lines.append(_("Details: %(link)s") % {"link": link})
    return ZaloShare("\n".join(lines), link)


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code of `url`: no image request, crisp at any size on a phone's screen.
    Drawn as one path of horizontal runs, a third of the bytes of a square per module."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(url)
    matrix = code.get_matrix()
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    size = len(matrix)
    svg = (
        f'<svg viewBox="0 0 {size} {size}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="QR"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{"".join(runs)}" fill="#000" shape-rendering="crispEdges"/></svg>'
    )
    return mark_safe(svg)  # noqa: S308 (numbers only: no text from anyone reaches the markup)
