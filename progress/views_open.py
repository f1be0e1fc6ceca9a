"""Open data: the index and a page per dataset (in the reader's language), and the files.

Free and without sign-in; each file answers with `Access-Control-Allow-Origin: *` so a page on
another site can read it too. No file holds more than the public pages show.
"""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from places.models import Province
from progress import publish
from progress.datasets import BY_SLUG, DATASETS, MISSING_VALUES
from progress.figures import public_table
from runtime.edge import edge_cached
from teams.activity import last_months

JSON_OPTIONS = {"ensure_ascii": False, "indent": 1}


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _table(dataset):
    """The protected table, with every province's communes only when the dataset lists them."""
    provinces = Province.objects.values_list("pk", flat=True) if dataset.slug == "communes" else ()
    return public_table(last_months(), list(provinces))


@edge_cached
def index(request):
    months = last_months()
    return render(
        request,
        "progress/open_data.html",
        {
            "datasets": DATASETS,
            "as_of": timezone.localdate(),
            "months": months,
            "licence": publish.LICENCE,
        },
    )


@edge_cached
def dataset_page(request, slug):
    dataset = BY_SLUG.get(slug)
    if dataset is None:
        raise Http404
    return render(
        request,
        "progress/dataset.html",
        {
            "dataset": dataset,
            "as_of": timezone.localdate(),
            "months": last_months(),
            "licence": publish.LICENCE,
            "missing_values": MISSING_VALUES[1:],
        },
    )


@edge_cached
def data_file(request, slug, extension):
    dataset = BY_SLUG.get(slug)
    if dataset is None:
        raise Http404
    table = _table(dataset)
    if extension == "json":
        response = JsonResponse(publish.json_rows(dataset, table), safe=False, json_dumps_params=JSON_OPTIONS)
    else:
        response = HttpResponse(publish.csv_text(dataset, table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.{extension}"'
    return _open(response)


@edge_cached
def datapackage(request):
    return _open(JsonResponse(publish.datapackage(timezone.localdate()), json_dumps_params=JSON_OPTIONS))


@edge_cached
def catalogue(request):
    return _open(
        JsonResponse(
            publish.catalogue(timezone.localdate(), last_months()),
            json_dumps_params=JSON_OPTIONS,
            content_type="application/ld+json",
        )
    )
