"""Pages in the reader's language (`progress:`) and files at addresses without one (`opendata:`)."""

from django.urls import path, re_path

from progress import views, views_open

app_name = "progress"

urlpatterns = [
    path("progress/", views.national, name="national"),
    path("progress/<str:code>/", views.province, name="province"),
    path("open-data/", views_open.index, name="open_data"),
    path("open-data/<slug:slug>/", views_open.dataset_page, name="dataset"),
]

files = (
    [
        path("datapackage.json", views_open.datapackage, name="datapackage"),
        path("catalog.jsonld", views_open.catalogue, name="catalogue"),
        re_path(r"^(?P<slug>[a-z0-9-]+)\.(?P<extension>csv|json)$", views_open.data_file, name="file"),
    ],
    "opendata",
)
