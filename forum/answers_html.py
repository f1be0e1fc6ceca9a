"""A question's answers as HTML, written in Python rather than in a template loop.

Issue 25 holds an uncached question page with 20 answers to at most 1.1x an uncached guide
page. Django's template engine spent most of that page in the answers loop (about fifteen
variables, three forms and their labels per answer: bench/bench_forum.py); the same markup
built here with format_html costs a fraction of it. Every value is escaped by format_html.
"""

from django.middleware.csrf import get_token
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def answers_html(request, answers, *, question_url, is_asker):
    labels = {
        "accepted": _("The answer that helped the asker"),
        "expert": _("Expert"),
        "edited": _("Edited by a moderator:"),
        "helped": _("This answer helped me"),
        "helpful": _("Helpful"),
        "report": _("Report this answer"),
        "wrong": _("What is wrong with this post?"),
        "send": _("Send the report"),
        "found": _("found this helpful"),
    }
    # Only the asker's page carries a token (accepting acts for them); it is never shared.
    token = get_token(request) if is_asker else ""
    return format_html_join(
        "\n", "{}", ((_answer(answer, labels, question_url, token),) for answer in answers)
    )


def _answer(answer, labels, question_url, token):
    badge = (
        format_html(' <span class="badge">{} · {}</span>', labels["expert"], answer.expert.organisation)
        if answer.expert
        else ""
    )
    accepted = format_html("<p><strong>✓ {}</strong></p>", labels["accepted"]) if answer.accepted else ""
    note = (
        format_html('<p class="note">{} {}</p>', labels["edited"], answer.moderator_note)
        if answer.moderator_note
        else ""
    )
    accept = (
        format_html(
            '<form method="post" action="{}accept/{}/" class="inline">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button type="submit" class="button">{}</button></form>',
            question_url,
            answer.pk,
            token,
            labels["helped"],
        )
        if token and not answer.accepted
        else ""
    )
    return format_html(
        '<section class="answer{}" id="answer-{}">{}\n'
        '<p class="q-meta">{}{} · {} · {} {}</p>\n<div class="post">{}</div>\n{}{}\n'
        '<form method="post" action="{}helpful/{}/" class="inline"><button type="submit">{}</button></form>\n'
        '<details><summary>{}</summary><form method="post" action="{}report/">'
        '<input type="hidden" name="answer" value="{}"><div class="field"><label for="report-{}">{}</label> '
        '<input type="text" id="report-{}" name="reason" maxlength="300" required></div>'
        '<button type="submit">{}</button></form></details>\n</section>',
        " accepted" if answer.accepted else "", answer.pk, accepted,
        answer.author_name, badge, localtime(answer.created_at).strftime("%d/%m/%Y"), answer.helpful, labels["found"],
        answer.body, note, accept,
        question_url, answer.pk, labels["helpful"],
        labels["report"], question_url, answer.pk, answer.pk, labels["wrong"], answer.pk, labels["send"],
    )  # fmt: skip
