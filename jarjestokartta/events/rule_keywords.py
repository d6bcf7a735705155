"""An RRULE value read into the keyword arguments of dateutil's rrule, without rrulestr.

Why: rrulestr reads UNTIL through dateutil's general date parser; at 10,000 organisations
reading the rules cost the import 15 s (63,294 calls, 7 s of them in that parser). This reads
a rule the way rrulestr's own reader does, part by part with the same handlers, and refuses
what it refuses with the same messages (tests/test_rule_keywords.py compares the two on
thousands of rules). recurrence.py remembers the result per rule string.

Only the spelling recurrence.py writes is read here: "NAME=VALUE;…" in upper case without
spaces, with UNTIL already as a local "YYYYMMDDTHHMMSS". Anything else (a space, a colon
inside a value) gives None, and rrulestr reads it as before, quirks included.
Pure Python, no Django.
"""

from collections.abc import Callable
from datetime import datetime
from types import MappingProxyType
from typing import Any

from dateutil.rrule import DAILY, FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, YEARLY, weekday

FREQUENCIES = {"YEARLY": YEARLY, "MONTHLY": MONTHLY, "WEEKLY": WEEKLY, "DAILY": DAILY}
WEEKDAY_NUMBERS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
UNTIL_FORMAT = "%Y%m%dT%H%M%S"

Keywords = MappingProxyType[str, Any]


def read_keywords(normalised: str) -> Keywords | None:
    """rrule's keywords for the rule (all but dtstart), None for a spelling rrulestr must read;
    ValueError with rrulestr's message when it would refuse the rule."""
    text = normalised.removeprefix("RRULE:")
    if any(character.isspace() for character in text) or ":" in text:
        return None
    keywords: dict[str, Any] = {}
    for pair in text.split(";"):
        # As rrulestr: a value with "=" in it fails to unpack, with Python's own message.
        name, value = pair.split("=")
        handler = _HANDLERS.get(name)
        if handler is None:
            raise ValueError(f"unknown parameter '{name}'")
        try:
            keyword, item = handler(name, value)
        except (KeyError, ValueError):
            raise ValueError(f"invalid '{name}': {value}") from None
        keywords[keyword] = item
    return MappingProxyType(keywords)


def _integer(name: str, value: str) -> tuple[str, int]:
    return name.lower(), int(value)


def _integers(name: str, value: str) -> tuple[str, tuple[int, ...]]:
    return name.lower(), tuple(int(item) for item in value.split(","))


def _frequency(name: str, value: str) -> tuple[str, int]:
    # recurrence.py lets only these four through; the others would be refused there first.
    return "freq", FREQUENCIES[value]


def _until(name: str, value: str) -> tuple[str, datetime]:
    # dateutil's parser reads "20270531T235959" as exactly this.
    return "until", datetime.strptime(value, UNTIL_FORMAT)


def _week_start(name: str, value: str) -> tuple[str, int]:
    return "wkst", WEEKDAY_NUMBERS[value]


def _weekdays(name: str, value: str) -> tuple[str, tuple[weekday, ...]]:
    """BYDAY as rrulestr reads it: "TU", "+1MO", "-1FR" or "TH(+1)"."""
    found = []
    for item in value.split(","):
        if "(" in item:
            pieces = item.split("(")
            day, nth = pieces[0], int(pieces[1][:-1])
        elif item:
            # The digits and signs in front are the number; rrulestr's loop, kept as it is
            # (a rule of digits alone leaves its last digit as the "weekday" and fails).
            position = 0
            for position, character in enumerate(item):  # noqa: B007
                if character not in "+-0123456789":
                    break
            number = item[:position]
            day = item[position:]
            nth = int(number) if number else None
        else:
            raise ValueError("Invalid (empty) BYDAY specification.")
        found.append(WEEKDAYS[WEEKDAY_NUMBERS[day]](nth))
    return "byweekday", tuple(found)


_HANDLERS: dict[str, Callable[[str, str], tuple[str, Any]]] = {
    "FREQ": _frequency,
    "INTERVAL": _integer,
    "COUNT": _integer,
    "UNTIL": _until,
    "WKST": _week_start,
    "BYDAY": _weekdays,
    "BYWEEKDAY": _weekdays,
    **{
        name: _integers
        for name in (
            "BYSETPOS",
            "BYMONTH",
            "BYMONTHDAY",
            "BYYEARDAY",
            "BYEASTER",
            "BYWEEKNO",
            "BYHOUR",
            "BYMINUTE",
            "BYSECOND",
        )
    },
}
