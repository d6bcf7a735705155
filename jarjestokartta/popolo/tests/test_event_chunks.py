"""The events read, checked and written a chunk at a time (parsing.CHUNKED), here two events a
chunk: still all or nothing, every problem named once, umbrellas anywhere in the file."""

import copy
import io
import json
from typing import Any

import pytest

from jarjestokartta.directory.models import Organization
from jarjestokartta.events.models import Event, Occurrence
from jarjestokartta.popolo import parsing
from jarjestokartta.popolo.importer import ImportProblems, popolo_import
from jarjestokartta.popolo.tests.event_files import EVENTS, ORGANIZATIONS
from jarjestokartta.search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(parsing.CHUNKED, "events", 2)


def seven_events() -> dict[str, Any]:
    """Seven weekly groups, e0 … e6: four chunks, the last of one event."""
    events = []
    for number in range(7):
        event = copy.deepcopy(EVENTS[0])
        event.update(id=f"e{number}", name=f"Perhekahvila {number}")
        events.append(event)
    return {"organizations": copy.deepcopy(ORGANIZATIONS), "events": events}


def problems_of(document: dict[str, Any]) -> list[str]:
    with pytest.raises(ImportProblems) as raised:
        popolo_import(json.dumps(document))
    return raised.value.problems


def nothing_written() -> bool:
    return not (
        Organization.objects.exists()
        or Event.objects.exists()
        or Event.history.exists()
        or Occurrence.objects.exists()
        or SearchDocument.objects.exists()
    )


def test_it_writes_every_chunk_with_its_occurrences_and_search_documents():
    counts = popolo_import(json.dumps(seven_events()))
    assert counts["events"] == {"created": 7}
    assert Event.objects.count() == Event.history.count() == 7
    per_event = Occurrence.objects.filter(event__popolo_id="e0").count()
    assert per_event > 30
    assert Occurrence.objects.count() == 7 * per_event
    assert SearchDocument.objects.filter(kind=SearchDocument.Kind.EVENT).count() == 7


def test_a_problem_in_the_last_chunk_rolls_back_the_chunks_written_before_it():
    document = seven_events()
    document["events"][6]["organization_id"] = "nobody"
    assert problems_of(document) == [
        "events id='e6': organization_id: no organisation with id 'nobody'"
    ]
    assert nothing_written()


def test_a_file_cut_off_in_a_late_chunk_writes_nothing():
    text = json.dumps(seven_events())
    with pytest.raises(ImportProblems) as raised:
        popolo_import(io.BytesIO(text[: text.index('"id": "e5"')].encode()))
    assert raised.value.problems[-1].startswith("invalid JSON:")
    assert nothing_written()


def test_an_event_may_name_an_umbrella_event_of_a_later_chunk():
    document = seven_events()
    document["events"][0]["super_event_id"] = "e5"  # chunk 1 names one of chunk 3 …
    document["events"][5]["super_event_id"] = "e6"  # … which names one of chunk 4
    document["events"][3]["super_event_id"] = "e2"  # and one an earlier chunk's
    popolo_import(json.dumps(document))
    umbrellas = dict(Event.objects.values_list("popolo_id", "super_event__popolo_id"))
    assert umbrellas == {
        "e0": "e5", "e1": None, "e2": None, "e3": "e2", "e4": None, "e5": "e6", "e6": None
    }  # fmt: skip
    first = Event.history.get(popolo_id="e0")  # written when its umbrella was
    assert first.super_event_id == Event.objects.get(popolo_id="e5").pk


def test_an_umbrella_event_the_file_never_defines_is_named_once_at_the_end():
    document = seven_events()
    document["events"][1]["super_event_id"] = "nowhere"
    document["events"][4]["super_event_id"] = "nowhere"
    assert problems_of(document) == [
        "events id='e1': super_event_id: no event with id 'nowhere'",
        "events id='e4': super_event_id: no event with id 'nowhere'",
    ]
    assert nothing_written()


def test_umbrella_events_that_hold_each_other_across_chunks_are_a_circle():
    document = seven_events()
    document["events"][0]["super_event_id"] = "e4"
    document["events"][4]["super_event_id"] = "e0"
    document["events"][2]["super_event_id"] = "e3"  # a circle within one chunk …
    document["events"][3]["super_event_id"] = "e2"
    assert sorted(problems_of(document)) == [  # … is named once, as the other
        f"events id='e{number}': super_event_id: goes round in a circle" for number in (0, 2, 3, 4)
    ]
    assert nothing_written()


def test_an_id_given_again_in_a_later_chunk_is_a_duplicate():
    document = seven_events()
    document["events"][5]["id"] = "e0"
    assert problems_of(document) == ["events[5] id='e0': duplicated id (also events[0])"]
    assert nothing_written()


def test_an_umbrella_event_already_in_the_database_is_found_from_any_chunk():
    popolo_import(json.dumps(seven_events()))
    document = seven_events()
    document["events"] = document["events"][:3]
    for event in document["events"]:
        event.update(id=f"new-{event['id']}", super_event_id="e6")
    counts = popolo_import(json.dumps(document))
    assert counts["events"] == {"created": 3}
    assert Event.objects.filter(super_event__popolo_id="e6").count() == 3
