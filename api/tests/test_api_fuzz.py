"""Done means: a schema-driven fuzz finds no 5xx. Schemathesis reads /api/v1/openapi.json from the
WSGI app (no network, no server) and sends every operation, public and token, examples built
from the schema: each answer must not be a server error, must be the content type the schema
says and, where the schema describes its status, match it. The examples are bounded so the whole
module runs in well under a minute; the token's rate count starts again at each operation.
"""

import datetime

import pytest
import schemathesis
import time_machine
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from api.models import ApiToken
from tests import worker_cache
from tests.world.monthly import ICT, build

pytestmark = pytest.mark.django_db

EXAMPLES = 15  # per operation; about 17 operations
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]


@pytest.fixture
def wsgi_app():
    """The real WSGI app, keeping the test's database connection open between requests: Django
    closes it when a request finishes, which would end the test's transaction (the test client
    disconnects the same receiver for the same reason)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)


@pytest.fixture
def province_token():
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=ICT), tick=False):
        land = build()
        _token, plaintext = ApiToken.issue(user=land["province"], name="Sở KH&CN Hà Nội")
    return plaintext


def test_the_api_answers_every_generated_request_without_a_server_error(api_schema, province_token):
    """Each operation in turn, from the schema's strategy (schemathesis' own pytest hook does not
    run under pytest 9, so hypothesis is driven here); the failures of all are reported together."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15  # public and token operations both reached
    failures = {}
    for operation in operations:
        worker_cache.empty()  # a fresh 60 a minute for the token at each operation

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,  # no .hypothesis/ folder left in the worktree
            derandomize=True,  # the same examples every run: a failure here is reproducible
            suppress_health_check=list(HealthCheck),
        )
        def answers(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {province_token}"}, checks=CHECKS)

        try:
            answers()
        except Exception as failure:  # noqa: BLE001  (collected: one operation must not hide another)
            failures[operation.label] = str(failure)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
