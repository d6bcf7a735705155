"""The OpenAPI document explains itself: every parameter and every schema property says what it
is (STYLE.md, after linkedevents). A field added without a description fails here, named."""

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

Json = dict[str, Any]


def _operations(document: Json) -> Iterator[tuple[str, Json]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def _described(schema: Json) -> bool:
    return bool(str(schema.get("description", "")).strip())


@pytest.fixture
def document(client) -> Json:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    result: Json = response.json()
    return result


def test_every_parameter_has_a_description(document):
    missing = [
        f"{name}: {parameter['in']} parameter {parameter['name']}"
        for name, operation in _operations(document)
        for parameter in operation.get("parameters", [])
        if not _described(parameter)
    ]
    assert missing == []


def test_every_property_of_every_schema_has_a_description(document):
    schemas = document["components"]["schemas"]
    missing = [
        f"{component}.{name}"
        for component in sorted(schemas)
        for name, schema in schemas[component].get("properties", {}).items()
        if not _described(schema)
    ]
    assert missing == []


def test_the_check_covers_the_endpoints_of_every_router(document):
    tags = {tag for _, operation in _operations(document) for tag in operation.get("tags", [])}
    assert {
        "organizations",
        "structures",
        "areas and terms",
        "exports",
        "search",
        "diagram",
        "events",
    } <= tags
    components = set(document["components"]["schemas"])
    assert {"Organization", "Membership", "OrganizationPage", "Area", "TermPage"} <= components
    assert {"SearchResponse", "Message"} <= components
    assert {"Event", "EventPage", "Occurrence", "OccurrencePage"} <= components
