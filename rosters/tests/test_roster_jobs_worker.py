"""A roster job in a real Celery worker: the soft time limit marks it failed, never "checking".

The worker reads the test's PostgreSQL database and private folder; the task goes through Redis.
"""

import io

import pytest

from config.celery_app import app
from rosters.jobs import preview_roster_import
from rosters.models import RosterImport
from tests.celery_worker import Worker, clear_broker, wait_until
from tests.factories_rosters import commune_officer, roster_map

# Real workers share the one Redis broker and time their waits: they run alone (conftest.py).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.redis,
    pytest.mark.alone,
]


@pytest.fixture
def worker(redis_url, postgres, fake_twilio, tmp_path, settings):
    clear_broker(redis_url)
    extra = {"PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT), "LOG_LEVEL": "CRITICAL"}
    started = Worker(redis_url, fake_twilio, tmp_path, beat=False, extra_env=extra).start()
    yield redis_url
    started.kill()
    clear_broker(redis_url)


def _long_csv(rows):
    lines = "".join(f"Người {number},09{number},Thôn Đông,Xã Tân Lập\n" for number in range(rows))
    return ("Họ và tên,SĐT,Thôn,Xã\n" + lines).encode()


def test_a_preview_over_the_soft_time_limit_fails_with_a_message_in_the_officers_language(
    worker,
):
    officer = commune_officer(roster_map()[1])
    officer.preferred_language = "en"
    officer.save(update_fields=["preferred_language"])
    job = RosterImport(original_name="tinh.csv", created_by=officer)
    job.file.save("tinh", io.BytesIO(_long_csv(60_000)))

    eager, app.conf.task_always_eager = app.conf.task_always_eager, False
    try:
        with app.connection_for_write(worker) as connection:
            preview_roster_import.apply_async(args=[job.pk], soft_time_limit=1, connection=connection)
    finally:
        app.conf.task_always_eager = eager

    assert wait_until(lambda: RosterImport.objects.get(pk=job.pk).status != job.Status.PREVIEWING, 60)
    job.refresh_from_db()
    assert job.status == RosterImport.Status.FAILED
    assert job.summary["file_error"].startswith("Checking the file took too long, so nothing was imported")
    assert not job.file
