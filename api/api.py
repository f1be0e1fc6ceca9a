"""/api/v1/: read-only, versioned, with its OpenAPI schema (/api/v1/openapi.json) and a browsable
page (/api/v1/docs/, Swagger UI served from our own static files, no CDN).

django-ninja rather than Django REST framework: both come with Wagtail 8, but Wagtail's own v3
API and its hashed API tokens are built on ninja, so one stack serves both; ninja writes the
OpenAPI 3.1 document from the same type hints that validate each answer, and its views are plain
functions, small enough to read at a glance. A later, incompatible change goes to /api/v2/ beside
this one.
"""

from ninja import NinjaAPI

from api.public import router as public_router
from api.scoped import router as scoped_router

api = NinjaAPI(
    title="Tổ công nghệ số cộng đồng API",
    version="1.0.0",
    description=(
        "Read-only figures of Vietnam's community digital technology teams: the public progress "
        "aggregates, the open datasets, the map and the training sessions open to citizens. "
        "Free, no sign-in, no personal data. Under /scoped/, an officer's token (made in the admin) "
        "reads the teams, members, logs and monthly reports of that officer's scope. To pull by "
        "increments, pass `updated_since` (ISO 8601, the moment the last pull began) to the lists "
        "and read what was deleted since at `/scoped/deleted/` (villages: `/villages/deleted/`)."
    ),
    urls_namespace="api_v1",
    docs_url="/docs/",
)
api.add_router("/", public_router, tags=["public"])
api.add_router("/scoped/", scoped_router, tags=["officers"])
