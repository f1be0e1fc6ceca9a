"""Assistance logs from Excel: a province's 5,000 sessions of a month, preview and confirm (issue 26: < 10 s).

One province officer imports a generated sheet of 5,000 logs over 100 villages of 20 communes,
each village with its team; then the same file again, which must add nothing.
"""

import datetime
import io
import random
import time

from openpyxl import Workbook

from bench import load_average

ROWS = 5_000
PROVINCE = "01"
SERVICES = ["VNeID", "Dịch vụ công trực tuyến", "VNeID; Thanh toán không dùng tiền mặt", "Thương mại điện tử"]


def _world():
    from places.loading import load_admin_map
    from places.models import Commune, Village
    from teams.models import Team

    load_admin_map()
    communes = list(Commune.objects.filter(province_id=PROVINCE).order_by("code")[:20])
    villages = []
    for commune in communes:
        for number in range(1, 6):
            village = Village.objects.create(commune=commune, name=f"Thôn {number}")
            Team.objects.create(
                name=f"Tổ công nghệ số thôn {number}",
                commune=commune,
                village=village,
                founded_on="2023-01-01",
            )
            villages.append((commune.name, village.name))
    return villages


def _sheet(villages, rng):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["SỔ THEO DÕI CÁC BUỔI HỖ TRỢ NGƯỜI DÂN"])
    sheet.append(
        ["STT", "Ngày hỗ trợ", "Xã/Phường", "Thôn", "Số người được hỗ trợ", "Nữ", "Dịch vụ", "Kết quả"]
    )
    first = datetime.date(2026, 10, 1)
    for number in range(1, ROWS + 1):
        commune, village = villages[number % len(villages)]
        citizens = rng.randint(3, 40)
        service = rng.choice(SERVICES)
        outcome = f"VNeID mức 2: {rng.randint(0, citizens)}" if service.startswith("VNeID") else None
        day = first + datetime.timedelta(days=rng.randint(0, 29))
        held_on = day if number % 2 else day.strftime("%d/%m/%Y")  # Excel dates and typed text
        sheet.append(
            [number, held_on, commune, village, citizens, rng.randint(0, citizens), service, outcome]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run(report):
    from places.scopes import Scope
    from rosters.importing import import_file, plan_file
    from teams.models import AssistanceLog

    report("load average at start (1 min)", load_average()[0])
    data = _sheet(_world(), random.Random(26))
    scope = Scope(provinces=frozenset([PROVINCE]))
    preview_s, plan = _timed(lambda: plan_file(data, "so.xlsx", scope, kind="logs"))
    assert plan.ok, plan.summary()["errors"][:3]
    assert plan.count("new") == ROWS, plan.summary()["errors"][:3]
    confirm_s, plan = _timed(lambda: import_file(data, "so.xlsx", scope, kind="logs"))
    assert AssistanceLog.objects.count() == ROWS
    again_s, again = _timed(lambda: import_file(data, "so.xlsx", scope, kind="logs"))
    assert again.count("unchanged") == ROWS
    assert AssistanceLog.objects.count() == ROWS
    report(f"preview, {ROWS:,} log rows", f"{preview_s:.1f}", "s")
    report(f"confirm (plans again, then writes {ROWS:,} logs)", f"{confirm_s:.1f}", "s")
    report("preview + confirm (issue 26: under 10 s)", f"{preview_s + confirm_s:.1f}", "s")
    report("same file again (all unchanged, nothing written)", f"{again_s:.1f}", "s")
    report("load average at end (1 min)", load_average()[0])
