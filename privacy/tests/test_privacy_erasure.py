"""Deletion: an officer carries out a person's deletion request, and afterwards no table holds
their name or number while every dashboard figure and the monthly report's counts are unchanged."""

import dataclasses
import io

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.log_actions import log

from accounts.access_log import record_access
from accounts.models import Role, User
from messaging.consent import mute
from messaging.models import ConsentMethod
from privacy.erasure import erase_person
from privacy.models import RightsRequest
from privacy.requests import open_request
from reporting import dashboards, reports
from rosters.models import RosterImport
from teams.activity import last_months, month_start
from teams.models import Member
from tests.factories import RoleAssignmentFactory
from tests.sessions import SignedInClient
from tests.sign_in_steps import sign_in_by_code
from tests.world.privacy import LAN_PHONE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

LAN_TRACES = ["Xuân Lan", "+84912000111", "0912000111", "0912 000 111", "912000111"]


def traces(words):
    """(table, column, word) for every text column of every model holding one of `words`."""
    found = []
    for model in apps.get_models():
        for column in model._meta.concrete_fields:
            if isinstance(column, (models.CharField, models.TextField)):
                for word in words:
                    if model._default_manager.filter(**{f"{column.attname}__icontains": word}).exists():
                        found.append((model._meta.db_table, column.attname, word))
    return found


def figures(user, people):
    months = last_months()
    national = dashboards.national(user, months)
    commune = dashboards.commune(user, people.team.commune, months)
    workbook, _name = reports.commune_report(user, people.team.commune, month_start(people.log.held_on))
    saved = io.BytesIO()
    workbook.save(saved)
    read = load_workbook(saved)
    counts = [[cell for cell in row if isinstance(cell, int)] for sheet in read for row in sheet.values]
    return (
        [dataclasses.astuple(row) for row in national.rows + commune.rows],
        dataclasses.astuple(national.total),
        commune.sessions_by_month,
        commune.citizens_by_month,
        counts,
    )


def test_carrying_out_a_deletion_leaves_no_trace_and_every_count_as_it_was(
    client, privacy_people, capsys, django_capture_on_commit_callbacks
):
    admin = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=privacy_people.team.commune).user
    log(
        instance=privacy_people.lan_member, action="wagtail.edit", user=officer
    )  # the admin history names her
    mute(LAN_PHONE, "texted an opt-out keyword")
    sign_in_by_code(client, LAN_PHONE, capsys, django_capture_on_commit_callbacks)
    client.get(reverse("privacy:download", args=["json"]))  # her own access-log entry
    client.post(reverse("privacy:ask_deletion"))
    request = RightsRequest.objects.get(kind=RightsRequest.Kind.DELETION)
    request.detail = "Xoá số 0912 000 111 của tôi"
    request.save()
    # The scan does find her before: her name, her number as stored, as written in a note.
    assert {word for _t, _c, word in traces(LAN_TRACES)} >= {"Xuân Lan", "+84912000111", "0912 000 111"}
    before = figures(admin, privacy_people)

    officer_client = SignedInClient()
    officer_client.force_login(officer)
    # Erasure is not one click beside "Add a note": the request's page links to a page that
    # names her and lists what goes, and only its confirmation erases.
    inspect = officer_client.get(reverse("data_requests:inspect", args=[request.pk])).content.decode()
    assert 'value="erased"' not in inspect
    assert reverse("privacy_request_erase", args=[request.pk]) in inspect
    one_click = officer_client.post(reverse("privacy_request_act", args=[request.pk]), {"action": "erased"})
    assert one_click.status_code == 302
    assert traces(LAN_TRACES) != []
    asked = officer_client.get(reverse("privacy_request_erase", args=[request.pk])).content.decode()
    assert "Phạm Thị Xuân Lan" in asked
    assert "0912 000 111" in asked
    assert "Tư cách thành viên tổ (giữ lại không tên để số liệu không đổi): 1" in asked
    assert "Đăng ký tập huấn (giữ lại không tên để số liệu không đổi): 1" in asked
    assert traces(LAN_TRACES) != []  # asking erased nothing
    response = officer_client.post(
        reverse("privacy_request_erase", args=[request.pk]), {"confirm": "1", "note": "Đã xác minh"}
    )
    assert response.status_code == 302

    assert traces(LAN_TRACES) == []
    assert figures(admin, privacy_people) == before
    assert not User.objects.filter(pk=privacy_people.lan.pk).exists()
    placeholder = Member.objects.get(pk=privacy_people.lan_member.pk)
    assert (placeholder.phone, placeholder.user, placeholder.team) == (None, None, privacy_people.team)
    assert privacy_people.log.attendees.count() == 2
    request.refresh_from_db()
    assert request.status == RightsRequest.Status.DONE
    assert [a.action for a in request.actions.all()] == ["received", "erased", "done"]
    assert client.get(reverse("privacy:my_data")).status_code == 302  # her session ended with her account
    # Hưng, on the same team, is untouched.
    assert Member.objects.get(pk=privacy_people.hung_member.pk).full_name == "Đỗ Quang Hưng"
    assert traces(["Đỗ Quang Hưng"]) != []


def test_an_officer_whose_roster_imports_point_at_him_is_emptied_not_deleted(privacy_people):
    RosterImport.objects.create(kind="members", original_name="x.xlsx", created_by=privacy_people.lan)
    record_access(privacy_people.lan, "members", rows=3)
    request = open_request(
        RightsRequest.Kind.DELETION,
        phone=LAN_PHONE,
        full_name="Phạm Thị Xuân Lan",
        channel=ConsentMethod.IN_PERSON,
    )
    erase_person(LAN_PHONE, request=request)
    shell = User.objects.get(pk=privacy_people.lan.pk)
    assert (shell.full_name, shell.phone, shell.is_active, shell.has_usable_password()) == (
        "",
        None,
        False,
        False,
    )
    assert traces(LAN_TRACES) == []


def test_the_scan_reads_every_text_column(privacy_people):
    hits = traces(["Đỗ Quang Hưng"])
    assert ("accounts_user", "full_name", "Đỗ Quang Hưng") in hits
    assert ("teams_member", "full_name", "Đỗ Quang Hưng") in hits
