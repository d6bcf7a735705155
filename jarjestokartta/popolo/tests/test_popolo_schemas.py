"""What we export is valid Popolo: every record against the official JSON Schemas (draft 03).

The schemas are the Popolo project's own (../shared/popolo-schemas, CC BY 4.0), read from that
folder as they are; their `$ref`s are resolved to the files beside them, offline.
"""

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from jsonschema import Draft3Validator
from referencing import Registry
from referencing.jsonschema import DRAFT3

from jarjestokartta.popolo.exporter import export_document
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.tests.test_foreign_files import HAND_WRITTEN

SCHEMAS = Path(
    os.environ.get("POPOLO_SCHEMAS", settings.BASE_DIR.parent / "shared" / "popolo-schemas")
)
SCHEMA_OF = {
    "areas": "area",
    "organizations": "organization",
    "persons": "person",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
}


@cache
def _validators() -> dict[str, Draft3Validator]:
    assert SCHEMAS.is_dir(), f"the Popolo schemas are not at {SCHEMAS} (set POPOLO_SCHEMAS)"
    schemas = {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"], DRAFT3.create_resource(schema)) for schema in schemas.values()
    )
    return {
        collection: Draft3Validator(schemas[name], registry=registry)
        for collection, name in SCHEMA_OF.items()
    }


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every way a record of the document breaks its Popolo schema, with the record's id."""
    errors = []
    for collection, items in document.items():
        validator = _validators()[collection]
        for record in items:
            for error in validator.iter_errors(record):
                place = "/".join(str(part) for part in error.absolute_path)
                errors.append(f"{collection} {record.get('id')!r} {place}: {error.message}")
    return errors


def _download(client, **params) -> dict[str, Any]:
    response = client.get("/api/v1/export/popolo.json", params)
    assert response.status_code == 200
    document: dict[str, Any] = json.loads(b"".join(response.streaming_content))
    return document


def test_the_demo_file_is_valid_popolo(demo_data):
    assert sum(len(items) for items in demo_data.values()) > 200
    assert schema_errors(demo_data) == []


@pytest.mark.django_db
def test_the_operator_export_is_valid_popolo(demo):
    document = export_document()
    assert len(document["memberships"]) > 50
    assert schema_errors(document) == []


@pytest.mark.django_db
def test_the_public_export_is_valid_popolo_whole_and_by_region(client, demo):
    for params in ({}, {"region": "pohjois-savo"}, {"region": "pohjois-karjala"}):
        document = _download(client, **params)
        assert document["organizations"], params
        assert schema_errors(document) == [], params


@pytest.mark.django_db
def test_a_hand_written_file_exports_as_valid_popolo(client):
    popolo_import(json.dumps(HAND_WRITTEN))
    assert schema_errors(export_document()) == []
    assert schema_errors(_download(client)) == []


def test_the_validation_would_catch_an_invalid_record():
    broken = {
        "posts": [{"id": "p", "label": "Paikka", "other_label": "yksi merkkijono"}],
        "memberships": [{"id": "m", "start_date": "1.1.2020"}],
    }
    errors = schema_errors(broken)
    assert any("'p' other_label" in error for error in errors)
    assert any("'m' start_date" in error for error in errors)
