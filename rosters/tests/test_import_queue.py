"""Roster imports run on their own queue, so a file that takes minutes never keeps a sign-in code
waiting: the worker that sends texts does not take import jobs, and every way the platform runs
(the embedded script, the Procfile, the systemd units) starts a worker for each queue."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings

from config.celery_app import app
from messaging.models import Purpose
from messaging.outbox import queue_sms
from rosters.jobs import preview_roster_import
from rosters.models import RosterImport
from tests.celery_worker import Worker, clear_broker, wait_until
from tests.factories_rosters import commune_officer, roster_map

PLATFORM = Path(__file__).resolve().parents[2] / "platform"


def _queues_started(text):
    """The --queues of every `celery … worker` command line in `text`."""
    commands = re.findall(r"celery\S* -A config worker[^\n]*(?:\\\n[^\n]*)*", text)
    return [set(re.search(r"--queues[= ](\S+)", command).group(1).split(",")) for command in commands]


@pytest.mark.parametrize(
    "files",
    [
        ["run-embedded.sh"],
        ["Procfile"],
        ["systemd/totechso-worker.service", "systemd/totechso-imports.service"],
    ],
)
def test_every_way_of_running_starts_a_worker_for_texts_and_another_for_imports(files):
    queues = [q for name in files for q in _queues_started((PLATFORM / name).read_text())]
    assert sorted(map(sorted, queues)) == [["celery"], [settings.IMPORTS_QUEUE]]


@pytest.mark.django_db(transaction=True)
@pytest.mark.redis
@pytest.mark.alone
def test_a_waiting_import_does_not_hold_up_a_sign_in_code(
    redis_url, postgres, fake_twilio, tmp_path, settings
):
    clear_broker(redis_url)
    extra = {"PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT), "LOG_LEVEL": "CRITICAL"}
    texts = Worker(redis_url, fake_twilio, tmp_path, queues="celery", extra_env=extra).start()
    try:
        job = RosterImport(original_name="to.csv", created_by=commune_officer(roster_map()[1]))
        job.file.save("to", io.BytesIO("Họ và tên,SĐT\nLê Văn Tâm,0912345678\n".encode()))
        eager, app.conf.task_always_eager = app.conf.task_always_eager, False
        try:
            with app.connection_for_write(redis_url) as connection:
                preview_roster_import.apply_async(args=[job.pk], connection=connection)
        finally:
            app.conf.task_always_eager = eager
        queue_sms("+84987654321", "Mã đăng nhập: 123456", purpose=Purpose.SIGN_IN, idempotency_key="code-1")

        assert wait_until(lambda: fake_twilio.bodies_to("+84987654321"), 60)
        # The texts' worker left the import to the imports' worker (none runs here).
        assert RosterImport.objects.get(pk=job.pk).status == RosterImport.Status.PREVIEWING
    finally:
        texts.kill()
        clear_broker(redis_url)
