import pytest

from jarjestokartta.popolo import exporter, records

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("collection", records.COLLECTIONS)
def test_the_fast_normal_form_is_pydantics(demo, collection):
    # exporter._normal skips validation for speed; it must still give the normal form.
    items = list(exporter.queryset(collection))
    assert items
    for item in items:
        record = exporter.record(collection, item)
        assert record == records.normal_form(collection, record)
        assert list(record) == list(records.normal_form(collection, record))
