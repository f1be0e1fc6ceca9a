"""The preview's read of a file, kept for its confirm: the same import whether or not it is kept,
and never served for another file."""

import pytest
from django.core.cache import cache
from django.db import transaction

from accounts.scopes import scope_for
from rosters import read_cache
from rosters.importing import import_file, plan_file
from teams.models import Member, TeamEvent
from tests.factories_rosters import roster_xlsx
from vietnamese.legacy_encodings import encode_tcvn3

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Họ và tên", "SĐT", "Chức vụ trong tổ", "Đơn vị công tác", "Thôn/Tổ dân phố", "Xã/Phường"]


class _Rollback(Exception):
    pass


def tcvn3_roster(rows):
    """A roster typed in TCVN3 with its village merged down: reading it converts and fills cells."""
    encoded = [[encode_tcvn3(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]
    return roster_xlsx(encoded, header=[encode_tcvn3(text) for text in HEADER], merge=(6, len(rows)))


ROWS = [
    ["Nguyễn Văn Đức", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đồng Tâm", "Xã Tân Lập"],
    ["Phạm Thị Thuỷ", "0912 345 679", "Thành viên", "Hội Phụ nữ", None, "Xã Tân Lập"],
    ["Đặng Quốc Việt", "0912 345 680", "Tổ phó", "Công an xã", None, "Xã Tân Lập"],
]


def written():
    members = Member.objects.values_list("full_name", "phone", "role", "organisation", "team__village__name")
    return sorted(members), sorted(TeamEvent.objects.values_list("kind", "detail", "member__full_name"))


def confirmed(data, filename, officer):
    """The confirm's summary and what it wrote, rolled back so that it can be confirmed again."""
    with pytest.raises(_Rollback), transaction.atomic():  # noqa: PT012  (the raise rolls the block back)
        plan = import_file(data, filename, scope_for(officer), user=officer)
        summary = plan.summary()
        del summary["team_ids"]  # new keys: PostgreSQL's sequences do not roll back
        result = summary, written()
        raise _Rollback
    return result


def test_the_confirm_gives_the_same_import_whether_or_not_the_preview_read_was_kept(officer):
    data = tcvn3_roster(ROWS)
    preview = plan_file(data, "thon dong tam.xlsx", scope_for(officer))
    assert cache.get(read_cache.cache_key(data, "thon dong tam.xlsx")) is not None

    from_kept_read = confirmed(data, "thon dong tam.xlsx", officer)
    cache.delete(read_cache.cache_key(data, "thon dong tam.xlsx"))  # not clear(): the other workers' keys
    from_file = confirmed(data, "thon dong tam.xlsx", officer)

    assert from_kept_read == from_file
    summary, (members, events) = from_kept_read
    assert summary["sheets"] == preview.summary()["sheets"]
    assert summary["sheets"][0]["converted_from"] == "TCVN3 (ABC, .VnTime)"
    assert members == [
        ("Nguyễn Văn Đức", "+84912345678", "leader", "village_office", "Thôn Đồng Tâm"),
        ("Phạm Thị Thuỷ", "+84912345679", "member", "womens_union", "Thôn Đồng Tâm"),
        ("Đặng Quốc Việt", "+84912345680", "deputy", "police", "Thôn Đồng Tâm"),
    ]
    assert len(events) == 4  # the team founded, three members joined


def test_names_and_phones_leave_the_cache_once_the_import_is_written(
    officer, django_capture_on_commit_callbacks
):
    data = tcvn3_roster(ROWS)
    plan_file(data, "roster.xlsx", scope_for(officer))

    with django_capture_on_commit_callbacks(execute=True):
        import_file(data, "roster.xlsx", scope_for(officer), user=officer)
        assert cache.get(read_cache.cache_key(data, "roster.xlsx")) is not None  # until it commits

    assert cache.get(read_cache.cache_key(data, "roster.xlsx")) is None
    assert Member.objects.count() == 3


def test_another_file_with_the_same_name_is_never_given_the_kept_read(officer):
    plan_file(tcvn3_roster(ROWS), "danh sach.xlsx", scope_for(officer))
    corrected = [ROWS[0], ["Phạm Thị Thu", "0912 345 681", "Thành viên", "Giáo viên", None, "Xã Tân Lập"]]

    import_file(tcvn3_roster(corrected), "danh sach.xlsx", scope_for(officer), user=officer)

    assert sorted(Member.objects.values_list("full_name", "phone")) == [
        ("Nguyễn Văn Đức", "+84912345678"),
        ("Phạm Thị Thu", "+84912345681"),
    ]


def test_the_same_bytes_under_another_name_are_read_under_that_name(officer):
    data = (
        "Họ và tên,SĐT,Thôn/Tổ dân phố,Xã/Phường\nNguyễn Văn Đức,0912345678,Thôn Đông,Xã Tân Lập\n".encode()
    )
    plan_file(data, "thon dong.csv", scope_for(officer))

    plan = plan_file(data, "thon tay.csv", scope_for(officer))

    assert [sheet["name"] for sheet in plan.summary()["sheets"]] == ["thon tay"]


def test_a_read_too_large_for_the_cache_is_not_kept_and_the_file_is_read_again(officer, settings):
    settings.ROSTER_READ_CACHE_MAX_BYTES = 100
    data = tcvn3_roster(ROWS)

    preview = plan_file(data, "roster.xlsx", scope_for(officer))

    assert cache.get(read_cache.cache_key(data, "roster.xlsx")) is None
    plan = import_file(data, "roster.xlsx", scope_for(officer), user=officer)
    assert plan.summary()["sheets"] == preview.summary()["sheets"]
    assert Member.objects.count() == 3
