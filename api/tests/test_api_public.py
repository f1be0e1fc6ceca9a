"""/api/v1/: the public figures for machines, the schema they are described by, no personal data."""

import json
import re

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator

from api.models import ApiToken
from reporting.models import MonthlyReport
from teams.activity import month_start
from teams.models import Team
from tests.factories import VillageFactory
from tests.world import progress

pytestmark = pytest.mark.django_db

PATH_VALUES = {"code": "91", "slug": "communes"}
REQUIRED_QUERY = {"commune": "91001", "since": "2026-01-01T00:00:00+07:00"}  # since: deleted/ endpoints


def test_the_api_gives_the_public_pages_figures_with_the_same_cells_hidden(progress_province, client):
    country = client.get("/api/v1/progress/").json()
    assert (country["total"]["members"], country["total"]["citizens_helped"]) == (18, 172)
    province = client.get("/api/v1/progress/91/").json()
    communes = {unit["name"]: unit for unit in province["units"]}
    assert communes["Xã Bát Tràng"]["members"] is None
    assert communes["Xã Bát Tràng"]["suppressed"] == {
        "members": "< 5",
        "trained_members": "< 5",
        "sessions": "< 5",
        "citizens_helped": "< 5",
    }
    assert communes["Xã Đa Tốn"]["suppressed"]["members"] == "x"
    assert communes["Xã Cổ Bi"]["members"] == 9
    assert province["months"][-1] == {"month": province["as_of"][:7], "sessions": 12, "citizens_helped": 172}
    assert client.get("/api/v1/progress/99/").status_code == 404


def test_every_answer_matches_the_openapi_schema(progress_province, client):
    """Schema-driven: each documented GET is called and its body checked against its own schema
    (the officers' endpoints with a national administrator's token)."""
    _token, plaintext = ApiToken.issue(user=progress_province["national"], name="schema")
    report = MonthlyReport.objects.create(
        province=progress_province["north"],
        commune=progress_province["a"],
        month=month_start(timezone.localdate()),
    )
    values = {
        **PATH_VALUES,
        "team_id": str(Team.objects.order_by("pk").first().pk),
        "report_id": str(report.pk),
    }
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert len(document["paths"]) >= 8
    for path, operations in document["paths"].items():
        operation = operations["get"]
        assert set(operations) == {"get"}, f"{path} is not read-only"
        url = re.sub(r"\{(\w+)\}", lambda match: values[match.group(1)], path)
        query = {
            parameter["name"]: REQUIRED_QUERY[parameter["name"]]
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query" and parameter.get("required")
        }
        response = client.get(url, query, headers={"Authorization": f"Bearer {plaintext}"})
        assert response.status_code == 200, url
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        errors = list(
            Draft202012Validator({**schema, "components": document["components"]}).iter_errors(
                response.json()
            )
        )
        assert not errors, (url, [error.message for error in errors])


def test_no_personal_data_in_any_answer(progress_province, client):
    texts = [client.get(path).content.decode() for path in ("/api/v1/progress/", "/api/v1/progress/91/")]
    everything = json.dumps([json.loads(text) for text in texts], ensure_ascii=False)
    assert progress.SECRET_NAME not in everything
    assert progress.SECRET_PHONE[3:] not in everything


def test_villages_come_in_pages_by_cursor(progress_province, client):
    for name in ("Thôn Hai", "Thôn Ba", "Thôn Bốn"):
        VillageFactory(commune=progress_province["a"], name=name)
    first = client.get("/api/v1/villages/", {"commune": "91001", "limit": 3}).json()
    assert len(first["items"]) == 3
    assert first["next_cursor"] == first["items"][-1]["id"]
    rest = client.get("/api/v1/villages/", {"commune": "91001", "cursor": first["next_cursor"]}).json()
    assert [village["name"] for village in rest["items"]] == ["Thôn Bốn"]
    assert rest["next_cursor"] is None
    assert len(client.get("/api/v1/villages/", {"commune": "91001", "limit": 5000}).json()["items"]) == 4


def test_the_browsable_page_serves_its_scripts_from_our_own_static_files(client):
    page = client.get("/api/v1/docs/").content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts
    assert all(src.startswith("/static/ninja/") for src in scripts)
