"""Property-based: schemathesis sends what our OpenAPI document allows (and some of what it
does not) to every endpoint and checks that no answer is a 5xx or breaks the document.

Bounded so that it stays a few seconds per endpoint; the demo data gives the filters
something to find.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

EXAMPLES = 20


def _schema() -> schemathesis.schemas.BaseSchema:
    # The document as /api/v1/openapi.json serves it, built without a request: collecting the
    # tests must not touch the database.
    from jarjestokartta.api.urls import api

    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
    loaded.app = get_wsgi_application()
    loaded.location = "/api/v1/openapi.json"
    return loaded


schema = _schema()


@pytest.fixture(autouse=True)
def _data(demo):
    # A real WSGI handler closes the database connection after each request, which would end
    # the test's transaction on PostgreSQL; Django's own test client unhooks it the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_document(case):
    # Every check but "a schema-valid request is accepted": a well-formed value that names
    # nothing (region=000) is rightly a documented 422, which that check counts as a failure.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
