"""The texts a registrant receives, in their own language, short enough for one or two segments.

Bodies do not carry the person's name: a session's reminder is then one text per language, built
once for thousands of registrants, and the outbox's duplicate check compares like with like. The
outbox ends each with its opt-out link (messaging/optout.py): no text asks for a reply, which
could never arrive.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from messaging import sharing


def _when(session):
    local = timezone.localtime(session.starts_at)
    return f"{local:%H:%M} {local:%d/%m/%Y}"


def _where(session):
    return session.online_url if not session.address and session.online_url else session.place_name


def _fields(session, language):
    return {
        "course": session.course.title_in(language),
        "when": _when(session),
        "where": _where(session),
    }


def my_data_link(language):
    """The short link to "my data" in the person's language: no account, a texted code opens it."""
    with translation.override(language):
        return settings.SITE_URL + reverse("privacy:my_data")


def confirmation(session, language):
    with translation.override(language):
        return _('You are registered for "%(course)s" at %(when)s, %(where)s. Your data: %(data)s') % {
            **_fields(session, language),
            "data": my_data_link(language),
        }


def waiting(session, language):
    with translation.override(language):
        return _(
            '"%(course)s" at %(when)s is full: you are on the waiting list. We will text you if a place comes free.'
        ) % _fields(session, language)


def promoted(session, language):
    with translation.override(language):
        return _(
            'A place came free: you are now registered for "%(course)s" at %(when)s, %(where)s.'
        ) % _fields(session, language)


def reminder(session, language, due_at):
    """Says "today" or "tomorrow" as seen on the day it arrives, so two reminders never read alike
    (the outbox would hold the second back as a duplicate)."""
    days = (timezone.localdate(session.starts_at) - timezone.localdate(due_at)).days
    with translation.override(language):
        fields = _fields(session, language)
        if days == 0:
            return _('Today at %(when)s: "%(course)s", %(where)s.') % fields
        if days == 1:
            return _('Tomorrow at %(when)s: "%(course)s", %(where)s.') % fields
        return _('Reminder: "%(course)s" at %(when)s, %(where)s.') % fields


def already_signed_up(session, language):
    """To a number already signed up when someone asks for a code for it again: the page the asker
    sees says only that a text was sent, so it cannot tell who is signed up."""
    with translation.override(language):
        return _(
            'Someone tried to sign this number up again for "%(course)s" at %(when)s. You already have a '
            "place (or a waiting-list spot): nothing changed."
        ) % _fields(session, language)


def moved(session, language):
    with translation.override(language):
        return _('Change: "%(course)s" is now at %(when)s, %(where)s.') % _fields(session, language)


def cancelled(session, language):
    with translation.override(language):
        return _('Cancelled: "%(course)s" at %(when)s will not take place. Sorry for the trouble.') % _fields(
            session, language
        )


def zalo_share(session, language, url):
    """The session as a team pastes it into its Zalo group: course, time, place, the page."""
    return sharing.ready_text(
        session.course.title_in(language),
        when=_when(session),
        where=_where(session),
        link=url,
        language=language,
    )
