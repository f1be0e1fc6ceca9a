"""Open data: the public figures as CSV, JSON, a Frictionless package and a DCAT catalogue,
free, without sign-in, valid, and with nothing personal in them."""

import csv
import datetime
import io
import json
from urllib.parse import urlsplit

import pytest
import time_machine
from frictionless import validate

from accounts.models import Role
from reporting.monthly import workflow
from tests.factories import RoleAssignmentFactory
from tests.world import progress

pytestmark = pytest.mark.django_db

SLUGS = ("provinces", "communes", "province-months", "reporting-completeness")


@pytest.fixture
def country():
    with time_machine.travel("2026-11-20 10:00 +07:00", tick=False):
        yield progress.build()


@pytest.fixture
def files(country, client):
    """{file name: text} of the package and every file it names, fetched as a stranger would."""
    with time_machine.travel("2026-11-20 10:00 +07:00", tick=False):
        package = client.get("/open-data/datapackage.json")
        assert package.status_code == 200
        fetched = {"datapackage.json": package.content.decode()}
        for resource in package.json()["resources"]:
            response = client.get(f"/open-data/{resource['path']}")
            assert response.status_code == 200, resource["path"]
            assert response["Access-Control-Allow-Origin"] == "*"
            fetched[resource["path"]] = response.content.decode()
    return fetched


def test_the_package_validates_with_no_errors(files, tmp_path):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = validate(tmp_path / "datapackage.json")
    assert report.stats["errors"] == 0, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.valid
    assert {task.name for task in report.tasks} == {*SLUGS, *(f"{slug}-json" for slug in SLUGS)}


def test_csv_and_json_hold_the_same_rows_as_the_province_page(files):
    for slug in SLUGS:
        from_csv = list(csv.DictReader(io.StringIO(files[f"{slug}.csv"])))
        from_json = [
            {key: str(value) for key, value in row.items()} for row in json.loads(files[f"{slug}.json"])
        ]
        assert from_csv == from_json
    communes = {row["commune_name"]: row for row in csv.DictReader(io.StringIO(files["communes.csv"]))}
    # Thành phố Hà Nội's communes, as its page shows them: "< 5" and "x" where the page hides a figure.
    assert [
        communes["Xã Bát Tràng"][name]
        for name in ("members", "trained_members", "sessions", "citizens_helped")
    ] == [
        "< 5",
        "< 5",
        "< 5",
        "< 5",
    ]
    assert communes["Xã Cổ Bi"]["members"] == "9"
    assert communes["Xã Cổ Bi"]["period_start"] == "2025-12-01"
    assert communes["Xã Cổ Bi"]["period_end"] == "2026-11-20"
    months = [
        row
        for row in csv.DictReader(io.StringIO(files["province-months.csv"]))
        if row["province_code"] == "91"
    ]
    assert len(months) == 12
    assert months[-1]["month"] == "2026-11"


def test_no_personal_data_in_any_file(files):
    everything = "\n".join(files.values())
    assert progress.SECRET_NAME not in everything
    assert progress.SECRET_PHONE not in everything
    assert progress.SECRET_PHONE[3:] not in everything
    fields = {
        field["name"]
        for resource in json.loads(files["datapackage.json"])["resources"]
        for field in resource["schema"]["fields"]
    }
    assert not {"full_name", "phone", "name", "email", "birth_date"} & fields


def test_every_dataset_has_a_licence_a_date_a_dictionary_and_stable_addresses(country, client):
    with time_machine.travel("2026-11-20 10:00 +07:00", tick=False):
        catalogue = client.get("/open-data/catalog.jsonld")
    assert catalogue["Content-Type"].startswith("application/ld+json")
    datasets = catalogue.json()["dcat:dataset"]
    assert {dataset["dct:identifier"] for dataset in datasets} == set(SLUGS)
    for dataset in datasets:
        assert dataset["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
        assert dataset["dct:modified"]["@value"] == "2026-11-20"
        assert {text["@language"] for text in dataset["dct:title"]} == {"vi", "en"}
        for link in [
            *dataset["dcat:landingPage"],
            *(d["dcat:downloadURL"] for d in dataset["dcat:distribution"]),
        ]:
            assert client.get(urlsplit(link["@id"]).path).status_code == 200, link
        page = client.get(urlsplit(dataset["dcat:landingPage"][0]["@id"]).path).content.decode()
        assert 'id="dictionary"' in page
        assert "20/11/2026" in page
        assert "creativecommons.org/licenses/by/4.0" in page
    assert client.get("/open-data/nobody.csv").status_code == 404
    assert client.get("/vi/open-data/nobody/").status_code == 404


def test_completeness_counts_reports_per_province_and_month(country, client):
    """Xã Bát Tràng sends October's report on 3 November (due the 5th): Thành phố Hà Nội received 1 of its 3 on
    time; Tỉnh Lào Cai received none of its 2, both late; November is not yet due."""
    with time_machine.travel("2026-11-03 10:00 +07:00", tick=False):
        officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=country["a"]).user
        workflow.submit(
            workflow.commune_report(country["a"], datetime.date(2026, 10, 1), create=True), officer
        )
    with time_machine.travel("2026-11-20 10:00 +07:00", tick=False):
        text = client.get("/open-data/reporting-completeness.csv").content.decode()
    rows = {(row["province_code"], row["month"]): row for row in csv.DictReader(io.StringIO(text))}
    figures = ("expected", "submitted", "approved", "on_time", "late", "completeness_rate", "timeliness_rate")
    assert [rows["91", "2026-10"][name] for name in figures] == ["3", "1", "0", "1", "2", "33.3", "33.3"]
    assert [rows["92", "2026-10"][name] for name in figures] == ["2", "0", "0", "0", "2", "0.0", "0.0"]
    assert rows["91", "2026-11"]["late"] == "0"
    assert rows["91", "2026-11"]["submitted"] == "0"
    assert rows["91", "2026-10"]["deadline"] == "2026-11-05T23:59:59+07:00"
