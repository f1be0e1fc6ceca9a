"""Where a person's name and number hide outside the rows that are theirs, and how erasure reaches them.

Rows keyed by the number are found by `holdings.people_of`. These are not: an officer's uploaded
roster and its error workbook still list the person's row, an import's summary quotes their cells
("Phạm Thị Xuân Lan, 0912.000.111 …"), the sheets read from a file wait in the shared cache, a
browser that asked for a sign-in code and never typed it keeps the number in its session, and
other people's texts and notes may name them. A number is recognised however it is written
("0912.000.111", 912000111 in a cell), by reading it as a phone, not by comparing text.
"""

import json
import re

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from rosters import upkeep
from rosters.models import RosterImport
from rosters.reading import SpreadsheetError, read_spreadsheet
from vietnamese.phones import InvalidPhone, normalize_phone

ERASED_MARK = "[đã xoá]"
# Digits with the separators people write between them: a candidate read as a phone number.
_PHONE_LIKE = re.compile(r"\+?[0-9][0-9 .\-()]{7,18}[0-9]")


def _is_phone(text, phone):
    try:
        return normalize_phone(text) == phone
    except InvalidPhone:
        return False


def names(text, words, phone):
    """Whether `text` holds one of `words` or `phone` written any way."""
    return any(word in text for word in words) or any(
        _is_phone(match.group(), phone) for match in _PHONE_LIKE.finditer(text)
    )


def scrub(text, words, phone):
    """`text` with each of `words` and each writing of `phone` replaced by ERASED_MARK."""
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, ERASED_MARK)
    return _PHONE_LIKE.sub(
        lambda match: ERASED_MARK if _is_phone(match.group(), phone) else match.group(), text
    )


def _file_names(field, filename, words, phone):
    """Whether a kept spreadsheet names the person in any cell; one that cannot be read any more
    is treated as naming them (it is deleted: nothing can show it was not)."""
    try:
        with field.open("rb") as stream:
            sheets = read_spreadsheet(stream.read(), filename)
    except FileNotFoundError:
        return False
    except SpreadsheetError:
        return True
    return any(
        value is not None and names(str(value), words, phone)
        for sheet in sheets
        for row in sheet.rows
        for value in row
    )


def erase_from_roster_imports(phone, words):
    """Scrub imports' summaries and file names; delete the uploads and error workbooks naming the
    person (with their sheets in the cache). A preview left without its file can no longer be
    confirmed: it is cancelled, as when its retention ends. Returns the number of imports touched."""
    touched = 0
    for job in RosterImport.objects.iterator():
        summary = json.dumps(job.summary, ensure_ascii=False)
        changes = {}
        if names(summary, words, phone):
            changes["summary"] = json.loads(scrub(summary, words, phone))
        if names(job.original_name, words, phone):
            changes["original_name"] = scrub(job.original_name, words, phone)
        holds = (job.file and _file_names(job.file, job.original_name, words, phone)) or (
            job.errors_file and _file_names(job.errors_file, "errors.xlsx", words, phone)
        )
        if holds:
            upkeep.delete_files(job)
            if job.status == RosterImport.Status.PREVIEWED:
                changes["status"] = RosterImport.Status.CANCELLED
        if changes:
            RosterImport.objects.filter(pk=job.pk).update(**changes)
        touched += bool(changes or holds)
    return touched


def end_sessions(phone, words, user_ids):
    """End the sessions signed in as one of `user_ids`, and those holding the number anywhere in
    their data (allauth keeps a pending sign-in code's phone there, signed in or not)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return
    user_ids = {str(pk) for pk in user_ids}
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if data.get("_auth_user_id") in user_ids or names(
            json.dumps(data, default=str, ensure_ascii=False), words, phone
        ):
            session.delete()
