"""A team member keeps their village's households on a phone: adds one in a few fields, ticks
what each person showed they can do, sees which households are covered, and plans the visit to
come back for. Officers of the place see them too; nobody else does."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from households import followups, skills
from households.figures import covered_count, people_per_group
from households.models import FollowUp, Household, SkillCheck
from messaging.models import ConsentRecord
from tests.households_steps import BASIC_757, checked, household, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(world):
    return world.person("member")


def _page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def test_a_team_member_adds_a_household_and_finds_it_not_yet_covered(client, world, member):
    client.force_login(member)
    village = world["villages"]["a"]
    assert client.get(reverse("households:home")).url == reverse("households:village", args=[village.pk])
    response = client.post(
        reverse("households:add", args=[village.pk]), {"head_name": "Nguyễn Văn Tâm", "address": "Xóm Chùa"}
    )
    saved = Household.objects.get()
    assert response.url == reverse("households:detail", args=[saved.pk])
    assert (saved.village, saved.created_by, saved.updated_by, saved.phone) == (village, member, member, None)
    assert list(saved.members.values_list("full_name", flat=True)) == ["Nguyễn Văn Tâm"]
    page = _page(client, "households:village", village.pk)
    assert "Nguyễn Văn Tâm" in page
    assert "Xóm Chùa" in page
    assert "0/1 hộ đã được phổ cập" in page
    assert "Chưa phổ cập" in page


def test_a_phone_is_kept_only_with_consent_recorded_per_purpose(client, world, member):
    client.force_login(member)
    village = world["villages"]["a"]
    url = reverse("households:add", args=[village.pk])
    refused = client.post(url, {"head_name": "Đỗ Văn Hải", "phone": "0912 345 001"})
    assert refused.status_code == 400
    assert "chỉ được giữ khi người dân đồng ý" in refused.content.decode()
    assert not Household.objects.exists()
    assert not ConsentRecord.objects.exists()
    client.post(url, {"head_name": "Đỗ Văn Hải", "phone": "0912 345 001", "consent": ["notice"]})
    assert Household.objects.get().phone == "+84912345001"
    consent = ConsentRecord.objects.get()
    assert (consent.phone, consent.purpose, consent.granted, consent.method, consent.recorded_by) == (
        "+84912345001",
        "notice",
        True,
        "in_person",
        member,
    )


def test_editing_a_household_records_who_changed_it(client, world, member, django_user_model):
    made = household(world["villages"]["a"], "Lò Văn Pao")
    client.force_login(member)
    client.post(
        reverse("households:edit", args=[made.pk]), {"head_name": "Lò Văn Páo", "address": "Cuối bản"}
    )
    made.refresh_from_db()
    assert (made.head_name, made.address, made.updated_by) == ("Lò Văn Páo", "Cuối bản", member)


@pytest.mark.parametrize(
    ("kind", "sees"),
    [
        ("member", {"a"}),
        ("commune", {"a"}),
        ("province", {"a", "b"}),
        ("national", {"a", "b", "c"}),
        ("nobody", set()),
    ],
)
def test_only_the_team_and_officers_of_the_place_see_and_edit_a_village(client, world, kind, sees):
    made = {key: household(world["villages"][key], f"Chủ hộ {key}") for key in ("a", "b", "c")}
    client.force_login(world.person(kind))
    for key in ("a", "b", "c"):
        village = world["villages"][key]
        listed = client.get(reverse("households:village", args=[village.pk]))
        opened = client.get(reverse("households:detail", args=[made[key].pk]))
        edited = client.post(reverse("households:edit", args=[made[key].pk]), {"head_name": "Đổi tên"})
        added = client.post(reverse("households:add", args=[village.pk]), {"head_name": "Hộ mới"})
        if key in sees:
            assert f"Chủ hộ {key}" in listed.content.decode()
            assert opened.status_code == 200
            assert edited.status_code == 302
            assert added.status_code == 302
        else:
            assert {listed.status_code, opened.status_code, edited.status_code, added.status_code} == {404}
    assert Household.objects.filter(head_name="Đổi tên").count() == len(sees)
    assert Household.objects.filter(head_name="Hộ mới").count() == len(sees)


def test_another_villages_team_member_cannot_check_or_plan_a_visit_here(client, world, member):
    elsewhere = household(world["villages"]["c"], "Giàng Thị Say")
    client.force_login(member)
    someone = person(elsewhere, "Giàng Thị Say")
    check = client.post(
        reverse("households:check", args=[someone.pk]),
        {"checked_on": "2026-12-01", "group_device": ["device_apps"]},
    )
    visit = client.post(
        reverse("households:add_follow_up", args=[elsewhere.pk]), {"due_on": "2027-01-01", "note": "x"}
    )
    assert (check.status_code, visit.status_code) == (404, 404)
    assert not SkillCheck.objects.exists()
    assert not FollowUp.objects.exists()


def _tick(client, someone, shown, **extra):
    data = {"checked_on": timezone.localdate().isoformat(), **extra}
    framework = skills.current()
    for group in framework.groups:
        data[f"group_{group.code}"] = [code for code in shown if framework.group_of(code) == group]
    return client.post(reverse("households:check", args=[someone.pk]), data)


def test_a_household_is_covered_once_one_member_has_shown_the_basic_set(client, world, member, clock):
    made = household(world["villages"]["a"], "Hoàng Văn Lâm", people=["Hoàng Thị Nga"])
    client.force_login(member)
    nga = person(made, "Hoàng Thị Nga")
    _tick(client, nga, BASIC_757[:3])
    _tick(client, person(made, "Hoàng Văn Lâm"), BASIC_757[3:])  # the set split over two people
    page = _page(client, "households:village", made.village_id)
    assert "Chưa phổ cập" in page
    assert "0/1 hộ" in page
    response = _tick(client, nga, BASIC_757[3:])  # a second visit: she has now shown the whole set
    assert response.url == reverse("households:detail", args=[made.pk])
    page = _page(client, "households:village", made.village_id)
    assert "1/1 hộ đã được phổ cập" in page
    assert "Đã có kỹ năng số cơ bản" in _page(client, "households:detail", made.pk)
    check = nga.checks.first()
    assert (check.checked_by, check.checked_on, check.framework) == (member, timezone.localdate(), "757/2025")
    assert covered_count(world["teams"]["a"]) == 1


def test_a_check_needs_a_tick_and_no_future_date(client, world, member, clock):
    made = household(world["villages"]["a"])
    client.force_login(member)
    someone = person(made, "Lò Thị Mai")
    nothing = _tick(client, someone, [])
    future = _tick(
        client, someone, ["pay_by_qr"], checked_on=(timezone.localdate() + timedelta(days=1)).isoformat()
    )
    assert (nothing.status_code, future.status_code) == (400, 400)
    assert "Đánh dấu ít nhất một việc" in nothing.content.decode()
    assert not SkillCheck.objects.exists()


def test_a_new_framework_version_does_not_rewrite_past_checks(world, settings, monkeypatch):
    made = household(world["villages"]["a"])
    mai = person(made, "Lò Thị Mai")
    checked(mai, BASIC_757, on=date(2026, 6, 1))
    stricter = skills.Framework(
        "test/2027",
        (*skills.FRAMEWORKS["757/2025"].groups, skills.Group("ai", "AI", (skills.Skill("uses_ai", "AI"),))),
        skills.FRAMEWORKS["757/2025"].basic | {"uses_ai"},
    )
    monkeypatch.setitem(skills.FRAMEWORKS, "test/2027", stricter)
    halfway = household(world["villages"]["b"], "Sùng A Chứ")
    checked(person(halfway, "Sùng A Chứ"), BASIC_757[:3])  # half the set under 757/2025
    settings.HOUSEHOLD_SKILLS_FRAMEWORK = "test/2027"
    later = household(world["villages"]["a"], "Vàng A Lử")
    checked(person(later, "Vàng A Lử"), BASIC_757)  # the old set is no longer enough
    assert list(mai.checks.values_list("framework", flat=True)) == ["757/2025"]
    assert list(SkillCheck.objects.filter(member__household=later).values_list("framework", flat=True)) == [
        "test/2027"
    ]
    # The other half under the new version does not add up with the old check.
    checked(person(halfway, "Sùng A Chứ"), [*BASIC_757[3:], "uses_ai"])
    assert covered_count(world["teams"]["b"]) == 0
    assert covered_count(world["teams"]["a"]) == 1  # Mai's household, judged by its own version
    assert people_per_group(Household.objects.all())["basic"] == 1


def test_a_visit_to_come_back_for_becomes_a_task_for_that_member(client, world, member, clock):
    made = household(world["villages"]["a"])
    client.force_login(member)
    member_row = world["teams"]["a"].members.get(user=member)
    back = timezone.localdate() + timedelta(days=14)
    _tick(
        client,
        person(made, "Lò Thị Mai"),
        ["device_apps"],
        come_back_on=back.isoformat(),
        come_back_for="Hoàn tất VNeID mức 2",
        assigned_to=member_row.pk,
    )
    task = FollowUp.objects.get()
    assert (task.household, task.assigned_to, task.due_on, task.note, task.done_at) == (
        made,
        member_row,
        back,
        "Hoàn tất VNeID mức 2",
        None,
    )
    due = followups.due_for(world["teams"]["a"], timezone.localdate())
    assert [(item.follow_up, item.due_on, item.overdue) for item in due] == [(task, back, False)]
    assert followups.due_for(world["teams"]["a"], back + timedelta(days=1))[0].overdue
    assert followups.due_for(world["teams"]["c"], timezone.localdate()) == []
    page = _page(client, "households:my_follow_ups")
    assert "Hoàn tất VNeID mức 2" in page
    assert "Lò Thị Mai" in page
    client.post(reverse("households:follow_up_done", args=[task.pk]), {"next": "mine"})
    assert "Hoàn tất VNeID mức 2" not in _page(client, "households:my_follow_ups")
    assert followups.due_for(world["teams"]["a"], timezone.localdate()) == []


def test_a_visit_is_assigned_only_to_a_member_of_the_villages_team(client, world, member, clock):
    made = household(world["villages"]["a"])
    client.force_login(member)
    outsider = world["teams"]["c"].members.get()
    client.post(
        reverse("households:add_follow_up", args=[made.pk]),
        {
            "due_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "note": "Quay lại",
            "assigned_to": outsider.pk,
        },
    )
    assert not FollowUp.objects.exists()


def test_people_confirmed_per_skill_group(world):
    made = household(world["villages"]["a"], "Lý Văn Sử", people=["Lý Thị Dung"])
    checked(person(made, "Lý Văn Sử"), ["pay_by_qr", "vneid_level2"])
    checked(person(made, "Lý Thị Dung"), ["pay_by_qr", "spot_scam"])
    groups = people_per_group(Household.objects.all())
    assert groups == {"payments": 2, "safety": 1}  # VNeID alone does not complete public services


def test_authority_lets_the_villages_team_act_on_its_rows_and_no_other_team(world, member):
    from accounts.authority import may_act_on, places_of

    made = household(world["villages"]["a"], phone="+84912345009")
    visit = FollowUp.objects.create(
        household=made, assigned_to=world["teams"]["a"].members.first(), due_on=date(2027, 1, 4), note="x"
    )
    someone = person(made, "Lò Thị Mai")
    outsider = world["teams"]["c"].members.get()
    outsider.user = world.person("nobody")
    outsider.save()
    assert all(may_act_on(member, row) for row in (made, someone, visit))
    assert not any(may_act_on(outsider.user, row) for row in (made, someone, visit))
    assert places_of(phone="+84912345009").communes == {world["a"].pk}


def test_the_village_list_costs_the_same_queries_for_3_or_30_households(client, world, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)
    village = world["villages"]["a"]
    counts = []
    for size in (3, 30):
        for number in range(len(Household.objects.all()), size):
            checked(
                person(household(village, f"Hộ số {number}", people=["Con"]), "Con"), BASIC_757[: number % 7]
            )
        with CaptureQueriesContext(connection) as queries:
            page = _page(client, "households:village", village.pk)
        counts.append(len(queries))
    assert f"/{size} hộ" in page
    assert counts[0] == counts[1]
