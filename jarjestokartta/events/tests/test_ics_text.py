"""RFC 5545 text without Django: TEXT escaping and folding at 75 octets (events/ics_text.py)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from jarjestokartta.events import ics_text


def unfolded(folded: str) -> str:
    return folded.replace("\r\n ", "")


def octets(folded: str) -> list[int]:
    return [len(part.encode()) for part in folded.split("\r\n")]


def test_it_escapes_backslash_semicolon_comma_and_every_kind_of_line_break():
    typed = "Tuo mukaan: sukat, juomapullo; C:\\Nuoret\r\nrivi\nrivi\rrivi"
    assert ics_text.text(typed) == (
        "Tuo mukaan: sukat\\, juomapullo\\; C:\\\\Nuoret\\nrivi\\nrivi\\nrivi"
    )


def test_it_leaves_a_line_of_75_octets_as_it_is_and_folds_the_76th():
    assert ics_text.fold("A" * 75) == "A" * 75
    assert ics_text.fold("A" * 76) == "A" * 75 + "\r\n A"
    # Continuation lines hold 74 octets after their space.
    assert octets(ics_text.fold("A" * 300)) == [75, 75, 75, 75, 4]


def test_it_never_folds_inside_a_finnish_letter():
    # "ä" is two octets: 37 of them and an "x" put the 75th octet in the middle of one.
    content = "x" + "ä" * 200
    folded = ics_text.fold(content)
    assert unfolded(folded) == content
    assert max(octets(folded)) <= 75
    for part in folded.split("\r\n"):
        part.encode().decode()  # every piece is whole UTF-8
    assert octets(folded)[0] == 75  # "x" and 37 letters


def test_it_never_folds_between_a_backslash_and_what_it_escapes():
    for shift in range(4):
        content = "DESCRIPTION:" + "a" * shift + ics_text.text("\\,;\n" * 40)
        folded = ics_text.fold(content)
        assert unfolded(folded) == content
        assert max(octets(folded)) <= 75
        for part in folded.split("\r\n ")[:-1]:
            trailing = len(part) - len(part.rstrip("\\"))
            assert trailing % 2 == 0, part


def test_it_writes_wall_clock_and_utc_date_times():
    moment = datetime(2026, 10, 25, 3, 30, 15, 123456, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert ics_text.wall_time(moment.replace(tzinfo=None)) == "20261025T033015"
    assert ics_text.utc_time(moment) == "20261025T003015Z"
    assert ics_text.utc_time(datetime(2026, 1, 2, tzinfo=UTC)) == "20260102T000000Z"


def test_it_writes_a_content_line_with_its_tzid():
    assert ics_text.line("DTSTART", "20261006T170000", "Europe/Helsinki") == (
        "DTSTART;TZID=Europe/Helsinki:20261006T170000"
    )
    assert ics_text.line("STATUS", "CONFIRMED") == "STATUS:CONFIRMED"
