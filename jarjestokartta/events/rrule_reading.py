"""The parts of an RFC 5545 RRULE value, read strictly, for saying in words what the rule does.

Expanding a rule into dates is another job (python-dateutil does it); this only reads what the
rule says, so that the phrasing can tell a rule it understands in full from one it does not.
A part it does not interpret (BYSETPOS, BYHOUR, …) is kept in `others`, never dropped, so the
phrasing can refuse to describe a rule that it would otherwise describe wrongly.
Pure Python, no Django.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

# The zone whose wall-clock time the rules follow (the issue's `timezone` default).
LOCAL_ZONE = ZoneInfo("Europe/Helsinki")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
BYDAY_ITEM = re.compile(r"([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
INTEGER = re.compile(r"[+-]?[0-9]{1,6}")
UNTIL_VALUE = re.compile(r"([0-9]{8})(?:T([0-9]{6})(Z?))?")


class NotARule(ValueError):
    """The text is not an RRULE value; the message says which part is wrong."""


@dataclass(frozen=True)
class Rule:
    """An RRULE value's parts; the BY lists are empty where the rule leaves them out."""

    freq: str
    interval: int = 1
    # (ordinal, weekday) with weekday 0 = Monday and ordinal None for "every such weekday":
    # "1TU" is (1, 1), "-1FR" is (-1, 4), "WE" is (None, 2).
    by_day: tuple[tuple[int | None, int], ...] = ()
    by_month_day: tuple[int, ...] = ()
    by_month: tuple[int, ...] = ()
    # Local wall-clock time; a date when the rule gives only a date (the whole day counts).
    until: datetime | date | None = None
    count: int | None = None
    # The parts read but not interpreted, by name, e.g. {"BYSETPOS": "-1"}.
    others: dict[str, str] = field(default_factory=dict)


def read_rule(value: str) -> Rule:
    """The parts of an RRULE value such as "FREQ=WEEKLY;BYDAY=TU"; NotARule if it is none."""
    text = value.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, equals, content = part.partition("=")
        name = name.strip().upper()
        if not equals or not name or not content:
            raise NotARule(f"{part!r} is not of the form NAME=VALUE")
        if name in parts:
            raise NotARule(f"{name} is given twice")
        parts[name] = content.strip().upper()
    freq = parts.pop("FREQ", "")
    if freq not in FREQUENCIES:
        raise NotARule(f"FREQ must be one of {', '.join(FREQUENCIES)}")
    rule = Rule(
        freq=freq,
        interval=_positive(parts.pop("INTERVAL", "1"), "INTERVAL"),
        by_day=_by_day(parts.pop("BYDAY", "")),
        by_month_day=_integers(parts.pop("BYMONTHDAY", ""), "BYMONTHDAY", 31),
        by_month=_integers(parts.pop("BYMONTH", ""), "BYMONTH", 12, signed=False),
        until=_until(parts.pop("UNTIL", "")),
        count=_positive(parts["COUNT"], "COUNT") if "COUNT" in parts else None,
        others={name: content for name, content in parts.items() if name != "COUNT"},
    )
    if rule.until is not None and rule.count is not None:
        raise NotARule("UNTIL and COUNT cannot both be given")
    # WKST only says where a week starts; it changes no occurrence of the rules phrased here
    # unless INTERVAL > 1 with several weekdays, and even then not the words that say them.
    rule.others.pop("WKST", None)
    return rule


def _positive(raw: str, name: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise NotARule(f"{name} must be a positive whole number")
    return int(raw)


def _by_day(raw: str) -> tuple[tuple[int | None, int], ...]:
    if not raw:
        return ()
    items: list[tuple[int | None, int]] = []
    for item in raw.split(","):
        match = BYDAY_ITEM.fullmatch(item.strip())
        if not match:
            raise NotARule(f"BYDAY {item!r} is not a weekday such as TU, 1TU or -1FR")
        ordinal = int(match[1]) if match[1] else None
        if ordinal is not None and not 1 <= abs(ordinal) <= 53:
            raise NotARule(f"BYDAY {item!r}: the number must be 1 to 53 or -1 to -53")
        entry = (ordinal, WEEKDAYS.index(match[2]))
        if entry not in items:
            items.append(entry)
    return tuple(items)


def _integers(raw: str, name: str, largest: int, *, signed: bool = True) -> tuple[int, ...]:
    if not raw:
        return ()
    numbers: list[int] = []
    for item in raw.split(","):
        if not INTEGER.fullmatch(item.strip()):
            raise NotARule(f"{name} {item!r} is not a whole number")
        number = int(item)
        if number == 0 or abs(number) > largest or (number < 0 and not signed):
            raise NotARule(f"{name} {item!r} is out of range")
        if number not in numbers:
            numbers.append(number)
    return tuple(numbers)


def _until(raw: str) -> datetime | date | None:
    if not raw:
        return None
    match = UNTIL_VALUE.fullmatch(raw)
    try:
        if not match:
            raise ValueError(raw)
        day = datetime.strptime(match[1], "%Y%m%d")
        if match[2] is None:
            return day.date()
        moment = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    except ValueError:
        example = "20270531T235959"
        raise NotARule(f"UNTIL {raw!r} is not a date or date-time such as {example}") from None
    if match[3]:
        # A UTC time, as the RFC wants with a zoned start: the same instant on Finnish clocks.
        return moment.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)
    return moment
