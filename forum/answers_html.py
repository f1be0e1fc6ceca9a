"""A question's answers as HTML, written in Python rather than in a template loop.

Issue 25 holds an uncached question page with 20 answers to at most 1.1x an uncached guide
page. Django's template engine spent most of that page in the answers loop (about fifteen
variables, three forms and their labels per answer: bench/bench_forum.py). format_html, used
first here, still cost a lazy-aware conditional_escape for each of some twenty values per answer;
so the labels are escaped once per page, and per answer only what a person wrote (name, body,
organisation, moderator's note) goes through html.escape, the function Django's escape calls.
Numbers (ids, votes) and the date need no escaping. The markup is the same as before.
"""

from html import escape

from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

ANSWER = (
    '<section class="answer{accepted_class}" id="answer-{pk}">{accepted}\n'
    '<p class="q-meta">{author}{badge} · {date} · {helpful} {found}</p>\n<div class="post">{body}</div>\n'
    "{note}{accept}\n"
    '<form method="post" action="{url}helpful/{pk}/" class="inline"><button type="submit">{helpful_label}'
    "</button></form>\n"
    '<details><summary>{report}</summary><form method="post" action="{url}report/">'
    '<input type="hidden" name="answer" value="{pk}"><div class="field"><label for="report-{pk}">{wrong}</label> '
    '<input type="text" id="report-{pk}" name="reason" maxlength="300" required></div>'
    '<button type="submit">{send}</button></form></details>\n</section>'
)
ACCEPT = (
    '<form method="post" action="{url}accept/{pk}/" class="inline">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
    '<button type="submit" class="button">{helped}</button></form>'
)


def answers_html(request, answers, *, question_url, is_asker):
    labels = {
        "accepted_label": _("The answer that helped the asker"),
        "expert": _("Expert"),
        "edited": _("Edited by a moderator:"),
        "helped": _("This answer helped me"),
        "helpful_label": _("Helpful"),
        "report": _("Report this answer"),
        "wrong": _("What is wrong with this post?"),
        "send": _("Send the report"),
        "found": _("found this helpful"),
    }
    page = {name: escape(str(label)) for name, label in labels.items()}
    page["url"] = escape(question_url)
    # Only the asker's page carries a token (accepting acts for them); it is never shared.
    page["token"] = escape(get_token(request)) if is_asker else ""
    return mark_safe("\n".join(_answer(answer, page) for answer in answers))  # noqa: S308 (all escaped above)


def _answer(answer, page):
    badge = (
        f' <span class="badge">{page["expert"]} · {escape(answer.expert.organisation)}</span>'
        if answer.expert
        else ""
    )
    return ANSWER.format(
        **page,
        pk=answer.pk,
        accepted_class=" accepted" if answer.accepted else "",
        accepted=f"<p><strong>✓ {page['accepted_label']}</strong></p>" if answer.accepted else "",
        author=escape(answer.author_name),
        badge=badge,
        date=localtime(answer.created_at).strftime("%d/%m/%Y"),
        helpful=answer.helpful,
        body=escape(answer.body),
        note=f'<p class="note">{page["edited"]} {escape(answer.moderator_note)}</p>'
        if answer.moderator_note
        else "",
        accept=ACCEPT.format(**page, pk=answer.pk) if page["token"] and not answer.accepted else "",
    )
