import io
import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bench import patterns
from bench.dataset import write_dataset
from bench.events import event_count
from bench.management.commands.bench_events import SEARCHES
from bench.management.commands.bench_import import without_events
from bench.tests.commands import run_bench_command
from jarjestokartta.directory.models import BODY_KINDS
from jarjestokartta.events.choices import Accessibility, Channel, EventKind, EventStatus, Language
from jarjestokartta.events.models import Event, Occurrence, OccurrenceChange
from jarjestokartta.events.recurrence import Schedule, check_rule
from jarjestokartta.geography import postal_codes
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.records import COLLECTIONS
from jarjestokartta.search.engine import MATCH_BOUND


@pytest.fixture(scope="module")
def finland():
    out = io.StringIO()
    write_dataset(out, 1500, seed=3)
    return json.loads(out.getvalue())


def _naive(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=None)


def test_it_writes_events_in_proportion_to_the_organisations(finland):
    assert event_count(120_000) == 500_000
    assert len(finland["events"]) == event_count(1500) == 6250
    kinds = Counter(event["classification"] for event in finland["events"])
    assert set(kinds) == set(EventKind.values)
    recurring = sum("rrule" in event for event in finland["events"])
    assert recurring > len(finland["events"]) / 2  # most are recurring


def test_it_gives_each_event_what_a_popolo_event_needs(finland):
    organizations = {record["id"]: record for record in finland["organizations"]}
    areas = {record["id"] for record in finland["areas"]}
    for event in finland["events"]:
        assert event["name"] and event["id"].startswith("e")
        assert event["status"] in EventStatus.values
        assert event["timezone"] == "Europe/Helsinki"
        assert event["area_id"] in areas
        organiser = organizations[event["organization_id"]]
        # A meeting's organisation is its body; the rest are the associations' own.
        assert (event["classification"] == "meeting") == (organiser["classification"] in BODY_KINDS)
        start, end = (datetime.fromisoformat(event[key]) for key in ("start_date", "end_date"))
        assert start.utcoffset() is not None and end > start
        assert set(event["languages"]) <= set(Language.values)
        assert set(event.get("accessibility", [])) <= set(Accessibility.values)
        assert event["is_free"] == ("price" not in event)
        channel = event["channel"]
        assert channel in Channel.values
        assert ("online_url" in event) == (channel in ("online", "hybrid"))
        assert ("phone" in event) == (channel == "phone")
        if "postal_code" in event:
            town = event["area_id"].removeprefix("kunta:")
            assert postal_codes.municipality_code(event["postal_code"]) == town


def test_it_writes_rules_that_the_events_own_rule_reader_accepts(finland):
    for event in finland["events"]:
        if "rrule" in event:
            start = _naive(event["start_date"])
            assert check_rule(event["rrule"], start)


def test_it_leaves_out_and_cancels_only_occurrences_the_rule_gives(finland):
    """The generator's own date arithmetic (bench/rhythms.py) agrees with events.recurrence:
    the start is the rule's first date, and each left-out or cancelled start is one of its."""
    checked = Counter()
    for event in finland["events"]:
        if "rrule" not in event:
            continue
        start = _naive(event["start_date"])
        schedule = Schedule(start=start, end=None, rule=event["rrule"], exdates=(), rdates=())
        given = set(schedule.starts_between(start, start + timedelta(days=800)))
        assert start in given
        for value in event.get("exdate", []):
            assert _naive(value) in given
            checked["exdate"] += 1
        for change in event.get("occurrence_changes", []):
            assert _naive(change["original_start"]) in given
            assert change["status"] == "cancelled"
            checked["cancelled"] += 1
        for value in event.get("rdate", []):
            assert _naive(value) not in given
    assert checked["exdate"] > 0 and checked["cancelled"] > 0


def test_it_spreads_events_by_population_and_over_channels(finland):
    towns = Counter(event["area_id"] for event in finland["events"])
    assert towns.most_common(1)[0][0] == "kunta:091"  # Helsinki has the most
    channels = Counter(event["channel"] for event in finland["events"])
    assert channels["place"] > len(finland["events"]) / 2
    assert all(channels[channel] > 0 for channel in Channel.values)


def test_it_writes_the_same_events_for_the_same_seed(finland):
    out = io.StringIO()
    write_dataset(out, 1500, seed=3)
    assert json.loads(out.getvalue())["events"] == finland["events"]


@pytest.mark.django_db
def test_bench_events_writes_the_events_stores_occurrences_and_times_the_listings(tmp_path):
    path = tmp_path / "finland.json"
    with path.open("w", encoding="utf-8") as out:
        write_dataset(out, 1000, seed=2)
    # The organisations as bench_import imports them while the import does not read events.
    organisations = without_events(str(path)) if "events" not in COLLECTIONS else str(path)
    popolo_import(Path(organisations).read_text(encoding="utf-8"))
    # What bench_import writes for bench_events: whether the import itself read the events.
    imported = tmp_path / "import.json"
    imported.write_text(
        json.dumps(
            {"events_imported": "events" in COLLECTIONS, "seconds": 1.0, "peak_memory_mb": 1}
        )
    )
    output = tmp_path / "events.json"
    printed = io.StringIO()
    run_bench_command(
        "bench_events",
        str(path),
        "--repeat",
        "1",
        "--in-process",
        "--import-figures",
        str(imported),
        "--output",
        str(output),
        stdout=printed,
    )
    figures = json.loads(output.read_text())
    assert figures["events"] == Event.objects.count() == event_count(1000)
    assert figures["store"]["rows"] == Occurrence.objects.count() > figures["events"]
    assert OccurrenceChange.objects.filter(status="cancelled").exists()
    # A cancelled occurrence is stored as cancelled, so that the listing strikes it through.
    assert Occurrence.objects.filter(status="cancelled").exists()
    for case in ("helsinki_week", "country_theme"):
        assert figures[case]["occurrences_listed"] > 20
        assert figures[case]["p95_ms"] > 0 and figures[case]["p95_ratio"] > 0
        assert figures[case]["baseline"]["samples"] == figures[case]["samples"]
    assert figures["helsinki_week"]["samples"] == 4  # four rounds of one query
    assert figures["country_theme"]["samples"] == 4 * len(patterns.ACTIVITIES)
    # Each theme again with few matches (in Arabic), its count apart from the page.
    rare = figures["country_theme_rare"]
    assert rare["samples"] == rare["count_only"]["samples"] == 4 * len(patterns.ACTIVITIES)
    assert rare["occurrences_listed"] < figures["country_theme"]["occurrences_listed"]
    assert rare["fewest_listed"] <= rare["occurrences_listed"]
    # The whole import's own figures, not a dash, when import_popolo wrote the events.
    if "events" in COLLECTIONS:
        assert "whole import by import_popolo: 1.0 s, peak 1 MB" in printed.getvalue()
    # Every page timed with what it answered (a feed over its cap would say 400).
    for page in ("listing_page", "organization_ics", "region_month_ics"):
        assert figures[page]["status"] == 200, page
        assert figures[page]["bytes"] > 0 and figures[page]["p95_ms"] > 0
    assert "(HTTP 200, " in printed.getvalue()
    # Each month's feed beside the bare query of its events' ids, with its first answer and
    # the memory of one; the country's month holds the regions'.
    months = [
        figures[name] for name in ("region_month_ics", "uusimaa_month_ics", "country_month_ics")
    ]
    for month in months:
        assert month["status"] == 200 and month["first_ms"] >= 0 and month["peak_mb"] > 0
        assert month["baseline"]["samples"] == month["samples"]
    assert months[2]["events"] >= months[0]["events"] + months[1]["events"] > 0
    if "events" in COLLECTIONS:
        # The search next to the raw engine query for the same terms, in the same rounds.
        searched = figures["search_with_events"]
        assert searched["baseline"]["samples"] == searched["samples"] == len(SEARCHES)
        assert searched["unranked"]["samples"] == searched["samples"]
        assert searched["p95_ratio"] > 0
        for words, found in searched["words"].items():
            assert found["matches"] >= found["count"] > 0, words
            # Unfiltered matches within the bound are counted exactly; past it, the bound.
            if found["matches"] <= MATCH_BOUND:
                assert found["count_exact"] is True, words
            if not found["count_exact"]:
                assert found["count"] == MATCH_BOUND, words
        assert "raw engine query" in printed.getvalue()


def test_bench_report_marks_what_is_not_measured_yet(tmp_path):
    (tmp_path / "events-sqlite.json").write_text(
        json.dumps(
            {
                "events": 10,
                "helsinki_week": {"p95_ms": 12.0},
                "region_month_ics": "not measured yet",
            }
        )
    )
    run_bench_command("bench_report", str(tmp_path), "--output", str(tmp_path / "bench.json"))
    rows = {
        row["figure"]: row for row in json.loads((tmp_path / "bench.json").read_text())["table"]
    }
    assert rows["Helsinki this week: p95 ms"]["sqlite_meets_target"] is True
    assert rows["region month .ics: p95 ms"]["sqlite"] == "not measured yet"
    assert rows["region month .ics: p95 ms"]["sqlite_meets_target"] is None


def test_bench_report_says_a_refused_page_was_refused(tmp_path):
    refused = {"status": 400, "bytes": 120, "p95_ms": 30.0}
    (tmp_path / "events-sqlite.json").write_text(
        json.dumps({"events": 10, "region_month_ics": refused})
    )
    run_bench_command("bench_report", str(tmp_path), "--output", str(tmp_path / "bench.json"))
    rows = {
        row["figure"]: row for row in json.loads((tmp_path / "bench.json").read_text())["table"]
    }
    assert rows["region month .ics: p95 ms"]["sqlite"] == "refused (HTTP 400)"
    assert rows["region month .ics: p95 ms"]["sqlite_meets_target"] is None
