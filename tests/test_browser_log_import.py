"""A team leader on a 360×740 phone, in Vietnamese and in English, imports the sessions kept in
Excel from the team area: the preview names the cell to fix (a village of another team), the
fixed file is confirmed, and the sessions are the team's."""

import pytest

from places.models import Village
from teams.models import AssistanceLog
from teams.tests.test_logs_import import GOOD, logs_xlsx
from tests.browser_sign_in import signed_in_with_session
from tests.factories_rosters import roster_map
from tests.factories_teams import TeamFactory, leader_of
from tests.journey_steps import LANGUAGES, Journey
from tests.test_browser_team_work import seed_services

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process", "clock"),
]

DONG = [GOOD[0], GOOD[2]]
TAY = ["05/11/2026", "Thôn Tây", 5, None, None, "VNeID", None, None]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_leader_fixes_a_cell_and_imports_the_teams_sessions_on_a_phone(
    browser, live_server, output_dir, tmp_path, language
):
    seed_services()
    _province, tan_lap, _ward, _other = roster_map()
    dong = TeamFactory(village=Village.objects.create(commune=tan_lap, name="Thôn Đông"), commune=tan_lap)
    TeamFactory(village=Village.objects.create(commune=tan_lap, name="Thôn Tây"), commune=tan_lap)
    leader = leader_of(dong, full_name="Nguyễn Văn Hùng")
    leader.preferred_language = language
    leader.save()
    wrong, fixed = tmp_path / "so-theo-doi.xlsx", tmp_path / "so-theo-doi-da-sua.xlsx"
    wrong.write_bytes(logs_xlsx([*DONG, TAY]))
    fixed.write_bytes(logs_xlsx(DONG))
    journey = Journey(browser, live_server, output_dir, language)
    try:
        signed_in_with_session(journey.page, live_server, leader)
        page = journey.open(f"/{language}/team/")
        page.locator("#log-import").click()
        assert journey.heading() == journey.say("Import sessions from Excel")
        assert journey.fits_a_phone()
        journey.step("upload")
        page.get_by_label(journey.say("Spreadsheet")).set_input_files(str(wrong))
        page.get_by_role("button", name=journey.say("Upload and check")).click()
        errors = page.locator("#import-errors")
        assert (
            journey.say(
                "%(name)s is served by another team: only your own team's sessions are imported here.",
                name="Thôn Tây",
            )
            in errors.inner_text()
        )
        assert page.locator("#import-confirm").count() == 0
        assert journey.fits_a_phone()
        journey.step("cell-to-fix")

        page.get_by_role("link", name=journey.say("Upload the file again")).click()
        page.get_by_label(journey.say("Spreadsheet")).set_input_files(str(fixed))
        page.get_by_role("button", name=journey.say("Upload and check")).click()
        assert page.locator("#logs-to-add").inner_text() == journey.say(
            "%(counter)s sessions to add." if language == "en" else "%(counter)s session to add.", counter=2
        )
        journey.step("preview")
        page.get_by_role("button", name=journey.say("Confirm and import")).click()
        assert page.locator("#logs-added").inner_text() == journey.say(
            "%(counter)s sessions added." if language == "en" else "%(counter)s session added.", counter=2
        )
        assert journey.fits_a_phone()
        journey.step("imported")
    finally:
        journey.close()
    assert sorted((log.team, log.citizens_helped) for log in AssistanceLog.objects.all()) == [
        (dong, 5),
        (dong, 14),
    ]
