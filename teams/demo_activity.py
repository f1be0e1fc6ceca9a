"""Twelve months of demo assistance logs, ending today: the demo never looks stale.

Each team has its own pace (one to five sessions a month), wards help more people per session
than villages, a session helps with one to three services (VNeID and public services most often,
as domain.md reports), and every counted outcome stays within the number of people helped.
"""

import calendar
from datetime import date

from django.utils import timezone

from places.models import Village
from teams.models import AssistanceLog, LogOutcome, Member, OutcomeType, Service

SERVICE_WEIGHTS = {
    "vneid": 6,
    "public-services": 5,
    "cashless-payment": 4,
    "online-safety": 3,
    "e-commerce": 2,
    "local-platforms": 2,
}
NOTES = [
    "Hỗ trợ tại nhà văn hoá thôn buổi tối.",
    "Nhiều người cao tuổi cần hướng dẫn lại từ đầu.",
    "Đi từng hộ cùng công an khu vực.",
    "Một số người chưa có điện thoại thông minh, hẹn buổi sau.",
    "Hướng dẫn nhận biết tin nhắn lừa đảo mạo danh ngân hàng.",
]


def last_twelve_months(today):
    """The first day of each of the twelve months ending with today's, oldest first."""
    months = []
    for back in range(11, -1, -1):
        years, month_index = divmod(today.month - 1 - back, 12)
        months.append(date(today.year + years, month_index + 1, 1))
    return months


def year_of_logs(teams, rng):
    """Bulk-write a year of logs for `teams`, with their services, members present and outcomes."""
    today = timezone.localdate()
    services = Service.objects.filter(province__isnull=True, code__in=SERVICE_WEIGHTS).in_bulk(
        field_name="code"
    )
    outcome_types = {}
    for outcome_type in OutcomeType.objects.filter(service__in=services.values(), is_active=True):
        outcome_types.setdefault(outcome_type.service_id, []).append(outcome_type)
    members = {}
    for team_id, member_id in Member.objects.filter(team__in=teams).values_list("team_id", "pk"):
        members.setdefault(team_id, []).append(member_id)
    planned = []
    for team in teams:
        pace = rng.uniform(0.7, 1.5)
        in_town = team.village.kind == Village.Kind.RESIDENTIAL_GROUP
        for month in last_twelve_months(today):
            this_month = (month.year, month.month) == (today.year, today.month)
            days = today.day if this_month else calendar.monthrange(month.year, month.month)[1]
            count = min(days, max(1, round(rng.choice([1, 2, 2, 3, 3, 4]) * pace)))
            for day in sorted(rng.sample(range(1, days + 1), count)):
                citizens = rng.randint(10, 45) if in_town else rng.randint(5, 30)
                log = AssistanceLog(
                    team=team,
                    commune_id=team.commune_id,
                    village_id=team.village_id,
                    held_on=month.replace(day=day),
                    citizens_helped=citizens,
                    women_helped=round(citizens * rng.uniform(0.4, 0.65)),
                    over_60_helped=round(citizens * rng.uniform(0.1, 0.4)),
                    note=rng.choice(NOTES) if rng.random() < 0.2 else "",
                )
                chosen = _services(rng, services)
                present = rng.sample(members[team.pk], rng.randint(2, len(members[team.pk])))
                planned.append((log, chosen, present))
    AssistanceLog.objects.bulk_create([log for log, _services, _present in planned])
    AssistanceLog.services.through.objects.bulk_create(
        AssistanceLog.services.through(assistancelog_id=log.pk, service_id=service.pk)
        for log, chosen, _present in planned
        for service in chosen
    )
    AssistanceLog.attendees.through.objects.bulk_create(
        AssistanceLog.attendees.through(assistancelog_id=log.pk, member_id=member_id)
        for log, _chosen, present in planned
        for member_id in present
    )
    LogOutcome.objects.bulk_create(
        LogOutcome(
            log=log,
            outcome_type=outcome_type,
            count=rng.randint(log.citizens_helped // 4, log.citizens_helped * 3 // 4),
        )
        for log, chosen, _present in planned
        for service in chosen
        for outcome_type in outcome_types.get(service.pk, [])
    )


def _services(rng, services):
    """One to three different services, the common ones more often."""
    wanted = rng.choice([1, 1, 2, 2, 2, 3])
    chosen = []
    while len(chosen) < wanted:
        code = rng.choices(list(SERVICE_WEIGHTS), weights=list(SERVICE_WEIGHTS.values()))[0]
        if code in services and services[code] not in chosen:
            chosen.append(services[code])
    return chosen
