"""The field map: every field of a record says where it is kept, and that place exists."""

import pytest
from django.core.exceptions import FieldDoesNotExist

from jarjestokartta.popolo import exporter, records
from jarjestokartta.popolo.fieldmap import (
    Coded,
    Column,
    Frequency,
    Ref,
    fields_of,
    loads_of,
    references_of,
)
from jarjestokartta.popolo.mapping import parts_of


@pytest.mark.parametrize("collection", records.COLLECTIONS)
def test_every_field_of_a_record_is_mapped_and_described(collection):
    record_type = records.MODELS[collection]
    mapped = [name for name, _ in fields_of(record_type)]
    assert mapped == [name for name in record_type.model_fields if name != "id"]
    for name, info in record_type.model_fields.items():
        assert name == "id" or info.description, f"{collection}.{name} has no description"


@pytest.mark.parametrize("collection", records.COLLECTIONS)
def test_every_mapped_column_exists_in_the_model(collection):
    model = exporter.TABLE_OF[collection]
    for name, marker in fields_of(records.MODELS[collection]):
        if isinstance(marker, Frequency):
            columns = [f"{marker.attribute}_{part}" for part in ("min", "max", "note")]
        elif isinstance(marker, Coded):
            columns = [marker.attribute, marker.written]
        elif isinstance(marker, Column):
            columns = [marker.attribute]
        else:
            continue
        for column in columns:
            try:
                model._meta.get_field(column)
            except FieldDoesNotExist:
                pytest.fail(f"{collection}.{name} is mapped to {column!r}, which {model} lacks")
    # The nested lists and sets name relations the model has (parts_of looks them up).
    assert all(part.name for part in parts_of(model, records.MODELS[collection]))


def test_references_come_from_the_map():
    assert references_of(records.Membership) == (
        ("organization_id", "organizations"),
        ("person_id", "persons"),
        ("member_organization_id", "organizations"),
        ("post_id", "posts"),
        ("on_behalf_of_id", "organizations"),
        ("deputy_of_id", "memberships"),
        ("appointed_by_id", "organizations"),
    )
    refs = [m for _, m in fields_of(records.Organization) if isinstance(m, Ref)]
    assert [(m.attribute, m.target) for m in refs] == [
        ("parent", "organizations"),
        ("area", "areas"),
    ]


def test_the_api_loads_exactly_the_columns_a_record_reads():
    loads = loads_of(records.Organization)
    assert loads[0] == "popolo_id" and loads[-1] == "extras"
    assert {"classification", "classification_as_written", "meetings_min", "parent__popolo_id"} <= (
        set(loads)
    )
    assert "description" in loads and "themes" not in loads  # a set is read from its table
