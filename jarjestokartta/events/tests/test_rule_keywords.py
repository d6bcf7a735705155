"""Reading a rule without rrulestr takes and refuses what rrulestr did, with its messages."""

import random
from datetime import datetime

import pytest
from dateutil.rrule import rrule, rrulestr

from jarjestokartta.events import recurrence
from jarjestokartta.events.recurrence import RuleError, check_rule, parse_rule

START = datetime(2026, 10, 6, 17, 30)
KEYS = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "WKST",
    "BYDAY",
    "BYWEEKDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYEASTER",
    "BYNOTHING",
)
VALUES = {
    "FREQ": ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
    "UNTIL": ("20270531T235959", "20270531", "20261110T215959Z", "2027", "20270230"),
    "WKST": ("MO", "SU", "XX", "1"),
}
ANY = (
    "1",
    "2",
    "0",
    "-1",
    "+3",
    "1_0",
    "12",
    "400",
    "-400",
    "1,2",
    "1,,2",
    "A",
    "TU",
    "TUE",
    "1TU",
    "+2WE",
    "-1FR",
    "0MO",
    "TH(+1)",
    "TH(X)",
    "MO,TU",
    "MO,",
    "5",
    "+",
    "+MO",
    "-TU",
    "24",
    "60",
    "X=Y",
    "1:2",
    "MO, TU",
)


def parse_rule_through_rrulestr(value: str, start: datetime) -> rrule:
    """recurrence.parse_rule as it was before it read the rule itself."""
    parts = recurrence._parts(value)
    frequency = parts.get("FREQ")
    if frequency is None:
        raise RuleError("the rule has no FREQ")
    if frequency not in recurrence.FREQUENCIES:
        raise RuleError(f"FREQ={frequency} is not one of {', '.join(recurrence.FREQUENCIES)}")
    if "UNTIL" in parts and "COUNT" in parts:
        raise RuleError("a rule has UNTIL or COUNT, not both")
    if "COUNT" in parts and not (
        parts["COUNT"].isdigit() and 0 < int(parts["COUNT"]) <= recurrence.MAX_COUNT
    ):
        raise RuleError(f"COUNT must be a number from 1 to {recurrence.MAX_COUNT}")
    normalised = ";".join(f"{key}={item}" for key, item in parts.items())
    try:
        rule = rrulestr(normalised, dtstart=start.replace(tzinfo=None))
    except (ValueError, TypeError, KeyError) as error:
        raise RuleError(f"the rule cannot be read: {error}") from None
    if not isinstance(rule, rrule):
        raise RuleError("the rule cannot be read")
    return rule


def outcome(read, value: str):
    """What reading the rule gives: the rule's whole state, or the error's message."""
    try:
        rule = read(value, START)
    except RuleError as error:
        return ("refused", str(error))
    state = {name: item for name, item in vars(rule).items() if "cache" not in name}
    return ("read", str(rule), state)


def random_rule(chance: random.Random) -> str:
    parts = [f"FREQ={chance.choice(VALUES['FREQ'])}"] if chance.random() < 0.95 else []
    for key in chance.sample(KEYS, chance.choice((0, 1, 1, 2, 3))):
        parts.append(f"{key}={chance.choice(VALUES.get(key, ANY) + ANY[:3])}")
    chance.shuffle(parts)
    return ";".join(parts)


def test_it_reads_and_refuses_thousands_of_random_rules_as_rrulestr_did():
    chance = random.Random(2445)
    refused = 0
    for _ in range(4000):
        value = random_rule(chance)
        expected = outcome(parse_rule_through_rrulestr, value)
        assert outcome(parse_rule, value) == expected, value
        refused += expected[0] == "refused"
    assert 400 < refused < 3600  # both kinds were compared


@pytest.mark.parametrize(
    "value",
    [
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;BYDAY=TU=WE",
        "FREQ=WEEKLY;BYDAY=MO, TU",
        "FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO",
        "FREQ=DAILY;BYHOUR=25",
        "FREQ=WEEKLY;X-NAME=1",
        "RRULE:RRULE:BYDAY=TU;FREQ=WEEKLY",
        # rrulestr's quirk, kept: a space makes the rest a property of its own.
        "FREQ=WEEKLY;BYMONTHDAY=1 DTSTART:20300101T100000",
    ],
)
def test_it_reads_the_odd_spellings_as_rrulestr_did(value):
    assert outcome(parse_rule, value) == outcome(parse_rule_through_rrulestr, value)


def test_it_names_the_part_it_cannot_read_as_before():
    with pytest.raises(RuleError, match=r"^the rule cannot be read: invalid 'BYDAY': XX$"):
        check_rule("FREQ=WEEKLY;BYDAY=XX", START)
    with pytest.raises(RuleError, match=r"^the rule cannot be read: unknown parameter 'X'$"):
        check_rule("FREQ=WEEKLY;X=1", START)
    with pytest.raises(RuleError, match=r"^the rule cannot be read: bysetpos must be between"):
        check_rule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400", START)


def test_it_reads_until_as_the_local_time_it_was_written_in():
    rule = parse_rule("FREQ=WEEKLY;UNTIL=20261110T215959Z", START)
    assert rule._until == datetime(2026, 11, 10, 23, 59, 59)
    assert parse_rule("FREQ=WEEKLY;UNTIL=20261110", START)._until == datetime(
        2026, 11, 10, 23, 59, 59
    )
