"""Events in and out of Popolo: lossless round trips, named problems, occurrences stored."""

import json
from datetime import datetime
from typing import Any

import pytest

from jarjestokartta.events import choices
from jarjestokartta.events.models import Event, Occurrence, OccurrenceChange
from jarjestokartta.events.tests.factories import local
from jarjestokartta.popolo import event_parts
from jarjestokartta.popolo.exporter import export_document
from jarjestokartta.popolo.importer import ImportProblems, popolo_import
from jarjestokartta.popolo.tests.event_files import ORGANIZATIONS, event_file
from jarjestokartta.popolo.tests.test_popolo_schemas import schema_errors

pytestmark = pytest.mark.django_db


def _import(document: dict[str, Any]) -> dict[str, Any]:
    return popolo_import(json.dumps(document))


def _problems(document: dict[str, Any]) -> list[str]:
    with pytest.raises(ImportProblems) as raised:
        _import(document)
    return raised.value.problems


def test_it_round_trips_one_event_of_each_kind_losslessly():
    given = event_file()
    _import(given)
    exported = export_document()
    assert sorted(exported["events"], key=lambda e: e["id"]) == sorted(
        _with_defaults(given["events"]), key=lambda e: e["id"]
    )
    assert {event.kind for event in Event.objects.all()} == set(choices.EventKind.values)


def _with_defaults(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events as export writes them: the defaults said out loud."""
    defaults = {"is_free": True, "registration": "not_needed", "is_published": True}
    return [{**defaults, **event} for event in events]


def test_it_exports_the_same_file_after_importing_its_own_export_into_an_empty_db(
    django_db_blocker,
):
    _import(event_file())
    first = export_document()
    Occurrence.objects.all().delete()
    Event.objects.all().delete()
    _import({"organizations": ORGANIZATIONS, "events": first["events"]})
    assert export_document()["events"] == first["events"]


def test_it_changes_nothing_when_the_same_file_is_imported_again():
    document = event_file()
    _import(document)
    history, sequences = Event.history.count(), list(Event.objects.values_list("sequence"))
    counts = _import(document)
    assert counts["events"] == {"unchanged": 5}
    assert Event.history.count() == history
    assert list(Event.objects.values_list("sequence")) == sequences


def test_it_updates_a_changed_event_and_bumps_its_sequence():
    _import(event_file())
    counts = _import(event_file(name="Vauvakahvila"))
    assert counts["events"]["updated"] == 1
    event = Event.objects.get(popolo_id="perhekahvila")
    assert event.name == "Vauvakahvila"
    assert event.sequence > 0  # calendars replace their copy


def test_it_keeps_the_schedule_on_wall_clock_time_and_the_changes_of_single_occurrences():
    _import(event_file())
    cafe = Event.objects.get(popolo_id="perhekahvila")
    assert cafe.exdates == ["2026-12-08T17:00:00"]
    assert cafe.rdates == ["2026-12-10T17:00:00"]
    moved = OccurrenceChange.objects.get(event=cafe, status="rescheduled")
    assert (moved.original_start, moved.start) == (local(2026, 11, 3, 17), local(2026, 11, 4, 17))
    meeting = Event.objects.get(popolo_id="foorumin-kokous")
    assert meeting.body is not None
    assert (meeting.body.popolo_id, meeting.organizer.popolo_id) == (
        "kuopion-foorumi",
        "mll-kuopio",
    )


def test_it_stores_the_occurrences_of_the_imported_events():
    _import(event_file())
    cafe = Event.objects.get(popolo_id="perhekahvila")
    stored = Occurrence.objects.filter(event=cafe)
    starts = {o.original_start for o in stored}
    assert local(2026, 12, 8, 17) not in starts  # left out by exdate
    assert local(2026, 12, 10, 17) in starts  # added by rdate
    assert stored.get(original_start=local(2026, 10, 6, 17)).status == "cancelled"
    assert stored.get(original_start=local(2026, 11, 3, 17)).start == local(2026, 11, 4, 17)
    # A draft is not listed.
    assert not Occurrence.objects.filter(event__popolo_id="kerhoavustaja").exists()


def test_it_reads_a_date_time_without_an_offset_as_finnish_time():
    _import(event_file(start_date="2026-09-01T17:00", end_date="2026-09-01T19:00"))
    cafe = Event.objects.get(popolo_id="perhekahvila")
    assert cafe.start == local(2026, 9, 1, 17)
    assert export_document()["events"][0]["start_date"] == "2026-09-01T17:00+03:00"


def test_its_export_is_valid_popolo():
    _import(event_file())
    assert schema_errors({"events": export_document()["events"]}) == []


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"rrule": "FREQ=HOURLY"}, "rrule: FREQ=HOURLY is not one of"),
        ({"rrule": "BYDAY=TU"}, "rrule: the rule has no FREQ"),
        ({"end_date": "2026-09-01T16:00+03:00"}, "end_date 2026-09-01T16:00+03:00 is not after"),
        ({"classification": "party"}, "classification: Input should be 'activity'"),
        ({"status": "maybe"}, "status: Input should be 'scheduled'"),
        ({"languages": ["fi", "xx"]}, "languages.1: Input should be 'fi'"),
        ({"accessibility": ["ramp"]}, "accessibility.0: Input should be 'step_free'"),
        ({"organization_id": "nobody"}, "organization_id: no organisation with id 'nobody'"),
        ({"area_id": "kunta:000"}, "area_id: no area with id 'kunta:000'"),
        ({"start_date": "2026-09-31T17:00"}, "is not a date-time such as"),
        ({"timezone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone"),
        ({"is_free": True, "price": "5 €"}, "a free event has no price"),
        ({"area_id": None}, "area_id (the municipality) is needed for channel place"),
    ],
)
def test_it_names_each_problem_and_writes_nothing(changes, named):
    problems = _problems(event_file(**changes))
    assert any(named in problem for problem in problems), problems
    assert all("id='perhekahvila'" in problem for problem in problems), problems
    assert not Event.objects.exists()


def test_it_refuses_a_meeting_of_an_organisation_that_is_not_a_cooperation_body():
    problems = _problems(event_file(classification="meeting"))
    assert problems == [
        "events id='perhekahvila': organization_id: 'mll-kuopio' is not a cooperation body "
        "(a network, council, advisory board, partnership table, forum or working group), "
        "so it has no meetings"
    ]
    assert not Event.objects.exists()


def test_it_refuses_umbrella_events_that_hold_each_other():
    document = event_file(super_event_id="ensiapukurssi")
    document["events"][2]["super_event_id"] = "perhekahvila"
    problems = _problems(document)
    assert "events id='perhekahvila': super_event_id: goes round in a circle" in problems


def test_its_codes_are_those_of_the_model():
    assert tuple(choices.EventKind.values) == event_parts.EVENT_KINDS
    assert tuple(choices.EventStatus.values) == event_parts.EVENT_STATUSES
    assert tuple(choices.Channel.values) == event_parts.CHANNELS
    assert tuple(choices.Registration.values) == event_parts.REGISTRATIONS
    assert tuple(choices.Accessibility.values) == event_parts.ACCESSIBILITY
    assert tuple(choices.Language.values) == event_parts.LANGUAGES


def test_it_writes_a_date_time_to_the_minute_with_its_offset():
    assert event_parts.write_moment(local(2026, 9, 1, 17)) == "2026-09-01T17:00+03:00"
    assert isinstance(event_parts.parse_moment("2026-09-01T17:00"), datetime)
