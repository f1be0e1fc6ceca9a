"""Reading a page as its user does: the words on screen, and figures as whole numbers.

`"2 người" in html` also passes when the page says "12 người"; `says(html, "2 người")` does not,
because a figure must not run on from a digit or a decimal mark. `figures(html)` returns the
dashboard's headline figures (#figures) as shown, each with the note under it.
`sent_to_admin_home(response)`: Wagtail's refusal of an admin page, a redirect to the admin's
home with a "no permission" message (a 404 is asserted as such, never as one of several codes).
`posted(form, **changes)`: what a browser posts for a form it was given, with some fields retyped.
"""

import html as html_lib
import re

TAG = re.compile(r"<[^>]+>")


def visible_text(page):
    """The page's words without tags, scripts or styles, spaces collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html_lib.unescape(TAG.sub(" ", page)).split())


def says(page, phrase):
    """Whether the page shows `phrase`, with no digit run into a figure at either end."""
    return re.search(rf"(?<![\d.,]){re.escape(phrase)}(?![\d])", visible_text(page)) is not None


def figures(page):
    """[(figure, note)] of the dashboard's figures block: "2 / 3", "40", each with its note."""
    block = re.search(r'<div class="figures" id="figures">(.*?)\n</div>', page, flags=re.S)
    assert block, "the page has no figures block"
    return [
        (visible_text(figure), visible_text(note))
        for figure, note in re.findall(r"<strong>(.*?)</strong>(.*?)</div>", block.group(1), flags=re.S)
    ]


def sent_to_admin_home(response):
    return (response.status_code, response.get("Location")) == (302, "/admin/")


def posted(form, **changes):
    """What a browser would post for `form` as it stands, with `changes` typed over it."""
    data = {}
    for field in form:
        value = field.value()
        if value is not None and value is not False:
            data[field.html_name] = value
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data
