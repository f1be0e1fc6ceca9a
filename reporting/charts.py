"""Charts drawn on the server as inline SVG: they show on a cheap phone with no JavaScript.

Each chart is paired in the template with the table of the same numbers, so nothing is only in
the picture. Labels are escaped here because the SVG is marked safe.
"""

import textwrap

from django.utils.html import escape
from django.utils.safestring import mark_safe

from vietnamese.formats import number

BAR_COLOUR = "#b3261e"
SECOND_COLOUR = "#0b57d0"


# What fits in the 120 px label column at 11 px: at 21, "Thành phố Hồ Chí Minh" ran under its bar
# on a 360 px phone; at 18 it takes two lines.
LABEL_CHARS = 18


def _label_lines(label):
    """A unit's name on at most two lines broken between words ("Tổ công nghệ số cộng đồng thôn
    Đông" never becomes "Tổ công nghệ số cộng đồng Tổ"); a longer name ends in "…" and is whole
    in the tooltip and in the table beside the chart."""
    lines = textwrap.wrap(str(label), LABEL_CHARS, break_on_hyphens=False) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_CHARS, placeholder=" …")]
    return lines


def _label_svg(label, y):
    lines = _label_lines(label)
    if len(lines) == 1:
        return f'<text x="0" y="{y + 13}" font-size="11">{escape(lines[0])}</text>'
    # The space ending the first line keeps the name whole for screen readers and copy-paste.
    first, second = (escape(line) for line in lines)
    spans = f'<tspan x="0">{first} </tspan><tspan x="0" dy="11">{second}</tspan>'
    return f'<text x="0" y="{y + 7}" font-size="10">{spans}</text>'


def ranked_bars(rows, title, width=340, unit=""):
    """Horizontal bars, one per (label, value, href) row, longest first as given."""
    bar_height, gap, label_width = 18, 8, 120
    height = max(1, len(rows)) * (bar_height + gap) + 4
    top = max([value or 0 for _, value, _ in rows] + [1])
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    ]
    for index, (label, value, href) in enumerate(rows):
        y = index * (bar_height + gap)
        length = 0 if not value else max(1, (width - label_width - 60) * value / top)
        bar = (
            f"<title>{escape(label)}: {number(value, 0)}{escape(unit)}</title>{_label_svg(label, y)}"
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{BAR_COLOUR}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 13}" font-size="11">{number(value, 0)}{unit}</text>'
        )
        parts.append(f'<a href="{escape(href)}">{bar}</a>' if href else f"<g>{bar}</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every label and link above is escaped)


def monthly_columns(months, first, second=None, title="", width=340, height=170):
    """Columns per month for `first` (list of numbers), with `second` as a line over them."""
    left, bottom, top_pad = 34, 22, 10
    plot_w, plot_h = width - left - 4, height - bottom - top_pad
    slot = plot_w / max(1, len(months))
    top = max([*list(first), 1])
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
        f'<text x="0" y="{top_pad + 4}" font-size="10">{number(top, 0)}</text>'
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>'
    ]
    for index, (month, value) in enumerate(zip(months, first, strict=True)):
        x = left + index * slot
        bar_h = plot_h * (value or 0) / top
        parts.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{height - bottom - bar_h:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{bar_h:.1f}" fill="{BAR_COLOUR}"><title>{escape(month.strftime("%m/%Y"))}: '
            f"{number(value, 0)}</title></rect>"
        )
        if index % 2 == 0 or len(months) <= 6:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{height - 6}" font-size="9" text-anchor="middle">'
                f"{month.strftime('%m/%y')}</text>"
            )
    if second:
        top_second = max([*list(second), 1])
        points = " ".join(
            f"{left + i * slot + slot / 2:.1f},{height - bottom - plot_h * (v or 0) / top_second:.1f}"
            for i, v in enumerate(second)
        )
        parts.append(f'<polyline points="{points}" fill="none" stroke="{SECOND_COLOUR}" stroke-width="2"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (only numbers and escaped text above)
