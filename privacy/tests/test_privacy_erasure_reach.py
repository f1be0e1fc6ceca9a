"""Erasure reaches where a person hides outside their own rows: an officer's uploaded roster and
its error workbook, the import's summary, the sheets kept in the shared cache, a browser holding a
sign-in code never typed, and texts that name them (an invitation starts with the name)."""

import io
import json
import pickle
import zlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import models
from django.test import Client
from django.urls import reverse

from messaging.models import Message, Purpose
from messaging.outbox import queue_sms
from privacy.erasure import erase_person
from rosters import jobs
from rosters.models import RosterImport
from rosters.reading import SpreadsheetError, read_spreadsheet
from tests.factories_rosters import commune_officer, roster_map
from tests.sessions import SignedInClient
from tests.world.privacy import HUNG_PHONE, LAN_PHONE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.redis,
    pytest.mark.usefixtures("tasks_in_process", "redis_cache"),
]

LAN = [
    "Phạm Thị Xuân Lan",
    "Pham Thi Xuan Lan",
    "+84912000111",
    "0912000111",
    "0912 000 111",
    "0912.000.111",
    "912000111",
]
ROSTER = (
    "STT,Họ và tên,SĐT,Chức vụ trong tổ,Thôn/Tổ dân phố,Xã/Phường\n"
    "1,Phạm Thị Xuân Lan,0912.000.111,Tổ trưởng,Thôn Đông,Xã Tân Lập\n"
    "2,Phạm Thị Xuân Lan,0912.000.111,Tổ phó,Thôn Đông,Xã Tân Lập\n"
    "3,Nguyễn Văn Bình,0912 000 333,Thành viên,Thôn Đông,Xã Tân Lập\n"
)
CLEAN = (
    "STT,Họ và tên,SĐT,Chức vụ trong tổ,Thôn/Tổ dân phố,Xã/Phường\n"
    "1,Lê Văn Tâm,0912 000 444,Tổ trưởng,Thôn Đông,Xã Tân Lập\n"
    "2,Nguyễn Văn Bình,0912 000 333,Thành viên,Thôn Đông,Xã Tân Lập\n"
)


def in_tables(words):
    """(table, column) of every text or JSON column holding one of `words`."""
    found = []
    for model in apps.get_models():
        for column in model._meta.concrete_fields:
            if isinstance(column, (models.CharField, models.TextField, models.JSONField)):
                for word in words:
                    if model._default_manager.filter(**{f"{column.attname}__icontains": word}).exists():
                        found.append((model._meta.db_table, column.attname, word))
    return found


def _cells_text(sheets):
    return "\n".join(
        str(value) for sheet in sheets for row in sheet.rows for value in row if value is not None
    )


def in_files(root, words):
    """Private files (uploads, error workbooks) whose cells, or bytes, hold one of `words`."""
    found = []
    for path in Path(root).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            try:
                text = _cells_text(read_spreadsheet(data, "tep.csv"))
            except SpreadsheetError:
                text = data.decode("utf-8", "replace")
            found += [(path.name, word) for word in words if word in text]
    return found


def in_cache(words):
    """Sheets kept in the shared cache (`roster-read:*`) whose cells hold one of `words`."""
    client = cache._cache.get_client()
    found = []
    for raw in client.scan_iter(match=f"{cache.key_prefix}*roster-read:*"):
        key = raw.decode().split(":", 2)[2]  # the prefix and the version go first
        packed = cache.get(key)
        if packed is not None:
            text = _cells_text(pickle.loads(zlib.decompress(packed)))  # noqa: S301 (our own cache)
            found += [(key, word) for word in words if word in text]
    return found


def in_sessions(words):
    found = []
    for session in Session.objects.all():
        text = json.dumps(session.get_decoded(), default=str, ensure_ascii=False)
        found += [(session.session_key, word) for word in words if word in text]
    return found


def everywhere(words, settings):
    return (
        in_tables(words) + in_files(settings.PRIVATE_MEDIA_ROOT, words) + in_cache(words) + in_sessions(words)
    )


def _upload(officer, content, name, captured):
    job = RosterImport(original_name=name, created_by=officer)
    job.file.save("x", io.BytesIO(content.encode()))
    with captured(execute=True):
        jobs.preview_roster_import(job.pk)
    job.refresh_from_db()
    return job


def test_erasure_leaves_her_in_no_file_summary_cache_session_or_text(
    privacy_people, settings, django_capture_on_commit_callbacks
):
    captured = django_capture_on_commit_callbacks
    officer = commune_officer(roster_map()[1])
    # Her row twice in one file: the preview lists errors quoting her, an error workbook is built.
    with_errors = _upload(officer, ROSTER, "Danh sach to - Pham Thi Xuan Lan.csv", captured)
    # Another file names her with a number she no longer uses: it waits for its confirm, clean,
    # its sheets kept in the shared cache.
    waiting = _upload(officer, CLEAN.replace("Lê Văn Tâm", "Phạm Thị Xuân Lan"), "to.csv", captured)
    assert waiting.status == RosterImport.Status.PREVIEWED, waiting.summary
    # Realistic texts: one to her opening with her name, one to Hưng naming her and her number.
    queue_sms(
        LAN_PHONE,
        "Phạm Thị Xuân Lan ơi, mời chị họp tổ công nghệ số lúc 8h thứ Bảy.",
        purpose=Purpose.NOTICE,
        idempotency_key="hop-lan",
    )
    queue_sms(
        HUNG_PHONE,
        "Anh Hưng: chị Phạm Thị Xuân Lan (0912.000.111) hướng dẫn VNeID sáng thứ Bảy.",
        purpose=Purpose.NOTICE,
        idempotency_key="hop-hung",
    )
    # A browser asked for a sign-in code for her number and never typed it.
    anonymous = Client()
    with captured(execute=True):
        anonymous.post(reverse("account_request_login_code"), {"phone": "0912 000 111"})

    before = everywhere(LAN, settings)
    assert {where for where, _word in in_files(settings.PRIVATE_MEDIA_ROOT, LAN)}, "her file and workbook"
    assert in_cache(LAN)
    assert in_sessions(LAN)
    assert {
        ("teams_rosterimport", "summary", "Phạm Thị Xuân Lan"),
        ("teams_rosterimport", "summary", "0912 000 111"),
        ("teams_rosterimport", "original_name", "Pham Thi Xuan Lan"),
    } <= set(before)

    hers = list(Message.objects.filter(recipient=LAN_PHONE).values_list("pk", flat=True))
    erase_person(LAN_PHONE)

    assert everywhere(LAN, settings) == [], everywhere(LAN, settings)
    waiting.refresh_from_db()
    # Her texts keep no body at all (the outbox keeps their count and cost), not just no name.
    assert set(Message.objects.filter(pk__in=hers).values_list("body", flat=True)) == {""}
    # Its file named her: it is gone, and the preview can no longer be confirmed.
    assert waiting.status == RosterImport.Status.CANCELLED
    with_errors.refresh_from_db()
    assert [error["message"] for error in with_errors.summary["errors"]][1] == (
        "Số điện thoại [đã xoá] trùng với dòng 2: mỗi thành viên có số riêng."
    )


def test_cancelling_a_preview_drops_its_sheets_from_the_shared_cache(
    settings, django_capture_on_commit_callbacks
):
    officer = commune_officer(roster_map()[1])
    job = _upload(officer, CLEAN, "to.csv", django_capture_on_commit_callbacks)
    assert in_cache(["Nguyễn Văn Bình"])
    client = SignedInClient()
    client.force_login(officer)
    client.post(reverse("rosters:cancel", args=[job.pk]))
    assert in_cache(["Nguyễn Văn Bình"]) == []
    assert in_files(settings.PRIVATE_MEDIA_ROOT, ["Nguyễn Văn Bình"]) == []
