"""The API documents each record from the Popolo record type itself (its one field map)."""

import pytest

from jarjestokartta.popolo import records

pytestmark = pytest.mark.django_db
OVERRIDDEN = {("Membership", "person_id"), ("Person", "public"), ("Area", "id")}


# Events have an API of their own (issue 14, point 5), which documents its own schema.
@pytest.mark.parametrize("collection", [c for c in records.COLLECTIONS if c != "events"])
def test_every_record_field_is_documented_as_the_record_describes_it(client, collection):
    record_type = records.MODELS[collection]
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    properties = schema[record_type.__name__]["properties"]
    assert set(record_type.model_fields) <= set(properties)
    for name, info in record_type.model_fields.items():
        if (record_type.__name__, name) in OVERRIDDEN or name == "id":
            continue
        assert properties[name]["description"] == info.description, name


def test_a_field_the_api_adds_is_documented_too(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert (
        "include=memberships" in schema["Organization"]["properties"]["memberships"]["description"]
    )
    assert "nimeamaton-" in schema["Membership"]["properties"]["person_id"]["description"]
