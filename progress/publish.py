"""The open datasets as files: CSV, JSON, the Frictionless `datapackage.json` and a DCAT catalogue.

Every file is made from the same protected table (progress/figures.py) in one request. URLs are
stable and carry no language (`/open-data/<slug>.csv`), so a province's script can pull them for
years; the package names its resources by relative paths, which Frictionless reads against the
package's own address. The licence is Creative Commons Attribution 4.0: Decree 47/2020 asks for
data free to reuse with the source cited, which is what CC BY says, in words every portal knows.
"""

import csv
import io

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from progress.datasets import DATASETS, MISSING_VALUES

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PACKAGE_NAME = "to-cong-nghe-so-cong-dong"


def csv_text(dataset, table):
    out = io.StringIO()
    writer = csv.DictWriter(out, [field.name for field in dataset.fields], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(dataset.rows(table))
    return out.getvalue()


def json_rows(dataset, table):
    """An array of one object per row: the tabular JSON that Frictionless and pandas read as is."""
    return list(dataset.rows(table))


def file_url(slug, extension):
    return f"{settings.SITE_URL}{reverse('opendata:file', args=[slug, extension])}"


def landing_url(slug, language):
    """The dataset's page in `language` (its title, dictionary and files), or the index for no slug."""
    with translation.override(language):
        path = reverse("progress:dataset", args=[slug]) if slug else reverse("progress:open_data")
    return f"{settings.SITE_URL}{path}"


def _schema(dataset):
    return {
        "fields": [
            {
                "name": field.name,
                "type": field.type,
                "title": str(field.title),
                "description": str(field.description),
            }
            for field in dataset.fields
        ],
        "primaryKey": list(dataset.primary_key),
        "missingValues": MISSING_VALUES,
    }


def datapackage(as_of):
    """The Frictionless (Data Package v1) descriptor of every dataset, in English: its titles and
    data dictionary are the same in the Vietnamese pages (`/vi/open-data/`)."""
    with translation.override("en"):
        resources = []
        for dataset in DATASETS:
            common = {
                "title": str(dataset.title),
                "description": str(dataset.description),
                "profile": "tabular-data-resource",
                "encoding": "utf-8",
                "licenses": [LICENCE],
                "schema": _schema(dataset),
            }
            resources.append(
                {
                    "name": dataset.slug,
                    "path": f"{dataset.slug}.csv",
                    "format": "csv",
                    "mediatype": "text/csv",
                    **common,
                }
            )
            resources.append(
                {
                    "name": f"{dataset.slug}-json",
                    "path": f"{dataset.slug}.json",
                    "format": "json",
                    "mediatype": "application/json",
                    **common,
                }
            )
        return {
            "profile": "tabular-data-package",
            "name": PACKAGE_NAME,
            "title": _("Progress of the community digital technology teams"),
            "description": _(
                "Aggregates of Vietnam's community digital technology teams, as of %(date)s: no row names a person."
            )
            % {"date": as_of.isoformat()},
            "homepage": landing_url("", "vi"),
            "version": as_of.isoformat(),
            "created": timezone.now().replace(microsecond=0).isoformat(),
            "licenses": [LICENCE],
            "sources": [
                {
                    "title": _("Community digital technology teams' logs and rosters"),
                    "path": settings.SITE_URL,
                }
            ],
            "keywords": ["tổ công nghệ số cộng đồng", "chuyển đổi số", "digital transformation", "Vietnam"],
            "resources": resources,
        }


def _texts(message_id):
    """A DCAT text in both languages."""
    texts = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts.append({"@language": language, "@value": str(message_id)})
    return texts


def catalogue(as_of, months):
    """A DCAT-AP catalogue entry per dataset, as JSON-LD, for data.gov.vn and any harvester."""
    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": _texts(gettext_lazy("Community digital technology teams")),
    }
    datasets = []
    for dataset in DATASETS:
        datasets.append(
            {
                "@id": landing_url(dataset.slug, "vi"),
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.slug,
                "dct:title": _texts(dataset.title),
                "dct:description": _texts(dataset.description),
                "dct:modified": {"@value": as_of.isoformat(), "@type": "xsd:date"},
                "dct:license": {"@id": LICENCE["path"]},
                "dct:publisher": publisher,
                "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": {"@value": months[0].isoformat(), "@type": "xsd:date"},
                    "dcat:endDate": {"@value": as_of.isoformat(), "@type": "xsd:date"},
                },
                "dct:accrualPeriodicity": {"@id": "http://purl.org/cld/freq/daily"},
                "dcat:landingPage": [
                    {"@id": landing_url(dataset.slug, code)} for code, _name in settings.LANGUAGES
                ],
                "dct:conformsTo": {"@id": f"{settings.SITE_URL}{reverse('opendata:datapackage')}"},
                "dcat:keyword": ["tổ công nghệ số cộng đồng", "chuyển đổi số"],
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:downloadURL": {"@id": file_url(dataset.slug, extension)},
                        "dcat:accessURL": {"@id": file_url(dataset.slug, extension)},
                        "dcat:mediaType": media_type,
                        "dct:format": extension.upper(),
                        "dct:license": {"@id": LICENCE["path"]},
                        "dct:modified": {"@value": as_of.isoformat(), "@type": "xsd:date"},
                    }
                    for extension, media_type in (("csv", "text/csv"), ("json", "application/json"))
                ],
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": f"{settings.SITE_URL}{reverse('opendata:catalogue')}",
        "@type": "dcat:Catalog",
        "dct:title": _texts(gettext_lazy("Open data of the community digital technology teams")),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE["path"]},
        "dct:modified": {"@value": as_of.isoformat(), "@type": "xsd:date"},
        "dcat:dataset": datasets,
    }
