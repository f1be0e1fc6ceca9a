"""The public page "find your community tech team": by province, commune and village, or by a typed name."""

from django.db.models import Prefetch
from django.shortcuts import render

from places.models import Commune, Province, Village
from runtime import throttle
from teams.membership import publicly_listed_teams
from teams.models import Member, Team

MAX_RESULTS = 30


def find_team(request):
    province_code = request.GET.get("province", "")
    commune_code = request.GET.get("commune", "")
    village_id = request.GET.get("village", "")
    text = request.GET.get("q", "").strip()[:100]
    communes = Commune.objects.filter(province_id=province_code) if province_code else Commune.objects.none()
    villages = Village.objects.filter(commune_id=commune_code) if commune_code else Village.objects.none()
    teams = publicly_listed_teams(Team.objects.all())
    if village_id.isdecimal() and len(village_id) <= 18:  # longer overflows a database integer
        teams = teams.filter(village_id=village_id)
    elif commune_code:
        teams = teams.filter(commune_id=commune_code)
    elif province_code and not text:
        teams = teams.none()  # a whole province is too long a list: choose a commune
    if text:
        teams = teams.search(text)
        if province_code:
            teams = teams.filter(commune__province_id=province_code)
    searched = bool(village_id or commune_code or text)
    # A typed search is the costly part, and the one a script would loop over.
    limited = bool(text) and not throttle.allow(request, "team_finder")
    results = []
    if searched and not limited:
        leaders = Member.objects.current().filter(role=Member.TeamRole.LEADER)
        results = list(
            teams.select_related("village", "commune__province")
            .prefetch_related(Prefetch("members", queryset=leaders, to_attr="leaders"))
            .order_by("commune__name_key", "name_key")[:MAX_RESULTS]
        )
    return render(
        request,
        "teams/find_team.html",
        {
            "provinces": Province.objects.order_by("name_key"),
            "communes": communes,
            "villages": villages,
            "chosen": {"province": province_code, "commune": commune_code, "village": village_id, "q": text},
            "searched": searched,
            "results": results,
            "max_results": MAX_RESULTS,
            "limited": limited,
        },
        status=429 if limited else 200,
    )
