"""Roster import: a generated 50,000-row provincial roster, preview and confirm, against baselines.

Baselines measured in the same run: a plain django-import-export ModelResource with default
settings (on a 5,000-row sample, as at its speed 50,000 rows would take longer than the whole
benchmark; the per-row figure is compared), and a raw `bulk_create` of 50,000 members (the floor).
Times are measured without tracing; peak memory is the peak of Python allocations (tracemalloc)
in a separate run of the same step, rolled back where it writes.
"""

import io
import random
import time
import tracemalloc

from django.db import transaction
from openpyxl import Workbook

from bench import load_average

ROWS = 50_000
BASELINE_ROWS = 5_000
PROVINCE = "01"
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân", "Hoài", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Cúc",
    "Dũng",
    "Hoà",
    "Hùng",
    "Lan",
    "Mai",
    "Nam",
    "Phúc",
    "Quỳnh",
    "Sơn",
    "Thuỷ",
    "Yến",
]
ROLES = ["Tổ trưởng", "Tổ phó", "Thành viên", "Thành viên", "Thành viên"]
WORKPLACES = [
    "Trưởng thôn",
    "Bí thư Đoàn",
    "Công an xã",
    "Hội Phụ nữ",
    "Viettel",
    "Giáo viên",
    "Tình nguyện viên",
]
PHONE_FORMS = ["0{}", "0{}", "+84 {}", "84{}", "{}"]


class _Rollback(Exception):
    pass


def _roster(communes, rng):
    """XLSX bytes: title lines, header, 50,000 members in teams of five, villages per commune."""
    # Not write-only: Excel's files carry their dimensions, which openpyxl's streaming needs.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append(["ỦY BAN NHÂN DÂN THÀNH PHỐ"])
    sheet.append(["DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"])
    sheet.append([])
    header = ["STT", "Họ và tên", "Số điện thoại", "Chức vụ trong tổ", "Đơn vị công tác", "Năm sinh"]
    sheet.append([*header, "Thôn/Tổ dân phố", "Xã/Phường", "Tỉnh/Thành phố"])
    for index in range(ROWS):
        commune = communes[(index // 5) % len(communes)]
        village = f"Thôn {index // (5 * len(communes)) + 1}"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        digits = f"9{10_000_000 + index:08d}"
        phone = rng.choice(PHONE_FORMS).format(digits)
        sheet.append(
            [
                index + 1,
                name,
                int(phone) if phone.isdigit() else phone,
                ROLES[index % 5],
                rng.choice(WORKPLACES),
                rng.randint(1960, 2004),
                village,
                commune.name,
                "Thành phố Hà Nội",
            ]
        )
    sheet.append(["Tổng cộng", f"{ROWS} thành viên"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CPU = {}  # label -> CPU seconds of this process, reported beside wall time on a shared machine


def _timed(function, label=None):
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    if label:
        CPU[label] = time.process_time() - cpu
    return time.perf_counter() - start, result


def _peak_mb(function, rollback=False):
    """Peak MB of Python allocations while `function` runs (its writes rolled back if asked)."""
    tracemalloc.start()
    try:
        if rollback:
            try:
                with transaction.atomic():
                    function()
                    raise _Rollback
            except _Rollback:
                pass
        else:
            function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _baseline_members(teams, count, first_phone):
    from teams.models import Member

    return [
        Member(
            team_id=teams[index % len(teams)],
            full_name=f"Thành Viên {index}",
            name_key=f"thanh vien {index}",
            phone=f"+848{first_phone + index:08d}",
        )
        for index in range(count)
    ]


def _import_export_dataset(teams, count):
    import tablib

    dataset = tablib.Dataset(headers=["id", "full_name", "phone", "role", "team"])
    for member in _baseline_members(teams, count, 10_000_000):
        dataset.append(["", member.full_name, member.phone, "member", member.team_id])
    return dataset


def run(report):
    from places.loading import load_admin_map
    from places.models import Commune
    from places.scopes import Scope
    from rosters.importing import import_file, plan_file
    from teams.models import Member, Team

    report("load average at start (1, 5, 15 min)", " ".join(load_average()), "")
    load_admin_map()
    communes = list(Commune.objects.filter(province_id=PROVINCE).order_by("code"))
    _seconds, data = _timed(lambda: _roster(communes, random.Random(6)))
    report("generated roster (XLSX)", f"{len(data) / 1e6:.1f}", "MB")
    scope = Scope(provinces=frozenset([PROVINCE]))

    preview_s, plan = _timed(lambda: plan_file(data, "tinh.xlsx", scope), "preview")
    assert plan.ok, plan.summary()["errors"][:3]
    assert plan.count("new") == ROWS, plan.summary()["errors"][:3]
    preview_mb = _peak_mb(lambda: plan_file(data, "tinh.xlsx", scope))
    confirm_mb = _peak_mb(lambda: import_file(data, "tinh.xlsx", scope), rollback=True)
    confirm_s, plan = _timed(lambda: import_file(data, "tinh.xlsx", scope), "confirm")
    assert Member.objects.count() == ROWS
    again_s, again = _timed(lambda: import_file(data, "tinh.xlsx", scope))
    assert again.count("unchanged") == ROWS
    ours = preview_s + confirm_s
    teams = list(Team.objects.values_list("pk", flat=True))
    floor_s, floor_mb = _floor(teams)
    ie_s, ie_mb = _import_export(teams)

    report(f"preview, {ROWS:,} rows", f"{preview_s:.1f}", "s")
    report(
        f"confirm ({len(plan.new_teams):,} teams, {len(plan.new_villages):,} villages, history)",
        f"{confirm_s:.1f}",
        "s",
    )
    report("same file again (all unchanged, nothing written)", f"{again_s:.1f}", "s")
    report(f"raw bulk_create of {ROWS:,} members (the floor)", f"{floor_s:.1f}", "s")
    _versus(report, "confirm vs floor", confirm_s, floor_s, "s")
    _versus(report, "preview + confirm vs floor (issue 15: <= 3x)", ours, floor_s, "s")
    cpu_ours = CPU["preview"] + CPU["confirm"]
    _versus(report, "preview + confirm vs floor, CPU of this process", cpu_ours, CPU["floor"], "s")
    per_row_ours = ours / ROWS * 1000
    per_row_ie = ie_s / BASELINE_ROWS * 1000
    _versus(
        report, "ms per row: django-import-export (dry run + import) vs ours", per_row_ie, per_row_ours, "ms"
    )
    cpu_ie = (CPU["ie dry"] + CPU["ie real"]) / BASELINE_ROWS * 1000
    _versus(report, "ms per row, CPU: django-import-export vs ours", cpu_ie, cpu_ours / ROWS * 1000, "ms")
    _versus(report, "peak MB: preview vs django-import-export dry run", preview_mb, ie_mb, "MB")
    _versus(report, "peak MB: confirm vs floor", confirm_mb, floor_mb, "MB")
    report("preview + confirm (target < 60 s, < 1 GB)", f"{ours:.1f}", "s")
    report("load average at end (1, 5, 15 min)", " ".join(load_average()), "")


def _versus(report, label, value, baseline, unit):
    """One figure beside its baseline from the same run, and their ratio."""
    report(label, f"{value:.2f} {unit} / {baseline:.2f} {unit} =", f"{value / baseline:.2f}x")


def _floor(teams):
    """The same members written by a plain bulk_create, objects made beforehand (seconds, peak MB)."""
    from teams.models import Member

    members = _baseline_members(teams, ROWS, 20_000_000)
    floor_mb = _peak_mb(lambda: Member.objects.bulk_create(members, batch_size=1000), rollback=True)
    members = _baseline_members(teams, ROWS, 20_000_000)
    floor_s, _ = _timed(lambda: Member.objects.bulk_create(members, batch_size=1000), "floor")
    return floor_s, floor_mb


def _import_export(teams):
    """A plain django-import-export ModelResource with default settings on a 5,000-row sample:
    dry run plus import (seconds, dry-run peak MB)."""
    from import_export import resources

    from teams.models import Member

    class PlainMemberResource(resources.ModelResource):
        class Meta:
            model = Member
            fields = ("id", "full_name", "phone", "role", "team")

    dataset = _import_export_dataset(teams, BASELINE_ROWS)
    dry_s, result = _timed(lambda: PlainMemberResource().import_data(dataset, dry_run=True), "ie dry")
    assert not result.has_errors()
    real_s, result = _timed(lambda: PlainMemberResource().import_data(dataset, dry_run=False), "ie real")
    assert not result.has_errors()
    baseline_mb = _peak_mb(
        lambda: PlainMemberResource().import_data(_import_export_dataset(teams, BASELINE_ROWS), dry_run=True)
    )
    return dry_s + real_s, baseline_mb
