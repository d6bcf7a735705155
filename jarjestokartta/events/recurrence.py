"""Recurring schedules expanded on local wall-clock time (RFC 5545 RRULE), without Django.

A weekly group at 17:00 is at 17:00 on both sides of a daylight-saving change, so the rule is
expanded on naive local times and only the results are given their zone's offset. Rules are
kept as the RRULE value (without "RRULE:"); UNTIL is written in the same local time as the
start, as Popolo files write it ("UNTIL=20270531T235959").
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from jarjestokartta.events import rule_expansion, rule_keywords

# Finer rules would put thousands of occurrences in a month; nothing we list repeats hourly.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# A rule with a count larger than this is a typing error, not a schedule.
MAX_COUNT = 1000
# Any start: dateutil checks a rule's keywords alike on every start.
PROBE_START = datetime(2000, 1, 1)


class RuleError(ValueError):
    """An RRULE that cannot be read or is not one we expand; its message names the problem."""


@dataclass(frozen=True)
class Schedule:
    """When something happens: the first start and end as local wall-clock times, a rule, and
    the starts taken out (EXDATE) and added (RDATE), also local."""

    start: datetime
    end: datetime | None = None
    rule: str = ""
    exdates: tuple[datetime, ...] = field(default=())
    rdates: tuple[datetime, ...] = field(default=())

    @property
    def duration(self) -> timedelta | None:
        return None if self.end is None else self.end - self.start

    @property
    def is_recurring(self) -> bool:
        return bool(self.rule or self.rdates)

    def end_of(self, start: datetime) -> datetime | None:
        """The end of the occurrence that starts then: the same wall-clock length."""
        duration = self.duration
        return None if duration is None else start + duration

    def starts_between(self, first: datetime, last: datetime) -> list[datetime]:
        """Every start from `first` to `last` (both included, local wall-clock), in order."""
        starts: set[datetime] = set()
        if self.rule:
            found = _rule_starts_between(self.rule, self.start, first, last)
            if not self.rdates and not self.exdates:
                return found  # a rule's starts are in order already, each once
            starts.update(found)
        elif first <= self.start <= last:
            starts.add(self.start)
        starts.update(day for day in self.rdates if first <= day <= last)
        starts.difference_update(self.exdates)
        return sorted(starts)

    def last_start(self) -> datetime | None:
        """The last start of a rule that ends, or None for one that goes on."""
        if not self.rule:
            return max((self.start, *self.rdates))
        fast = _read(self.rule).fast
        if fast is not None:
            if not fast.ends:
                return None
            try:
                # One more than the starts left out: one of them is the last that is left.
                tail = fast.last_starts(self.start, len(self.exdates) + 1)
            except rule_expansion.OutOfReach:
                pass
            else:
                return _last_remaining([*tail, *self.rdates], self.exdates)
        rule = parse_rule(self.rule, self.start)
        if rule._until is None and rule._count is None:
            return None
        return _last_remaining([*rule, *self.rdates], self.exdates)


def _last_remaining(starts: list[datetime], exdates: tuple[datetime, ...]) -> datetime | None:
    remaining = sorted(set(starts) - set(exdates))
    return remaining[-1] if remaining else None


def _rule_starts_between(
    value: str, start: datetime, first: datetime, last: datetime
) -> list[datetime]:
    fast = _read(value).fast
    if fast is not None:
        try:
            return fast.between(start, first, last)
        except rule_expansion.OutOfReach:
            pass
    return list(parse_rule(value, start).between(first, last, inc=True))


def parse_rule(value: str, start: datetime) -> rrule:
    """The rule as dateutil's rrule from a naive local start; RuleError names what is wrong."""
    reading = _read(value)
    naive = start.replace(tzinfo=None)
    try:
        if reading.keywords is None:
            rule = rrulestr(reading.normalised, dtstart=naive)
        else:
            rule = rrule(dtstart=naive, **reading.keywords)
    except (ValueError, TypeError, KeyError) as error:
        raise RuleError(f"the rule cannot be read: {error}") from None
    if not isinstance(rule, rrule):
        raise RuleError("the rule cannot be read")
    return rule


@dataclass(frozen=True)
class _Reading:
    """A rule read once: its canonical spelling, dateutil's keywords for it (None: a spelling
    only rrulestr reads) and its fast expansion when it has one."""

    normalised: str
    keywords: rule_keywords.Keywords | None
    fast: rule_expansion.FastRule | None


# Far more than the different rules of a national file (a few thousand), and a bound on the
# memory that rules typed into forms can take.
@lru_cache(maxsize=20_000)
def _read(value: str) -> _Reading:
    """The rule read and checked, remembered per string: through rrulestr a reading cost
    0.24 ms, the import of 41,667 events read rules 63,294 times, and only 280 of them differ.
    A rule that is refused is not remembered (lru_cache keeps no exceptions)."""
    parts = _parts(value)
    frequency = parts.get("FREQ")
    if frequency is None:
        raise RuleError("the rule has no FREQ")
    if frequency not in FREQUENCIES:
        raise RuleError(f"FREQ={frequency} is not one of {', '.join(FREQUENCIES)}")
    if "UNTIL" in parts and "COUNT" in parts:
        raise RuleError("a rule has UNTIL or COUNT, not both")
    if "COUNT" in parts and not (parts["COUNT"].isdigit() and 0 < int(parts["COUNT"]) <= MAX_COUNT):
        raise RuleError(f"COUNT must be a number from 1 to {MAX_COUNT}")
    normalised = ";".join(f"{key}={item}" for key, item in parts.items())
    try:
        keywords = rule_keywords.read_keywords(normalised)
        # dateutil's own checks of the keywords (BYSETPOS's range, BYHOUR's …) do not depend
        # on the start: made once here on any start, they hold for every start.
        if keywords is None:
            probe = rrulestr(normalised, dtstart=PROBE_START)
        else:
            probe = rrule(dtstart=PROBE_START, **keywords)
    except (ValueError, TypeError, KeyError) as error:
        raise RuleError(f"the rule cannot be read: {error}") from None
    if not isinstance(probe, rrule):
        raise RuleError("the rule cannot be read")
    fast = None if keywords is None else rule_expansion.for_keywords(keywords)
    return _Reading(normalised=normalised, keywords=keywords, fast=fast)


def check_rule(value: str, start: datetime) -> str:
    """The rule in a canonical spelling (upper case, UNTIL in local time), or RuleError; a rule
    that gives no start at all is an error too."""
    reading = _read(value)
    if _first_start(value, start, start.replace(tzinfo=None)) is None:
        raise RuleError("the rule gives no date from its start on")
    return reading.normalised


def _first_start(value: str, start: datetime, moment: datetime) -> datetime | None:
    fast = _read(value).fast
    if fast is not None:
        try:
            return fast.first_from(start, moment)
        except rule_expansion.OutOfReach:
            pass
    return parse_rule(value, start).after(moment, inc=True)


def _parts(value: str) -> dict[str, str]:
    text = value.strip().removeprefix("RRULE:")
    parts = dict(_part(piece) for piece in text.split(";") if piece.strip())
    if "UNTIL" in parts:
        parts["UNTIL"] = _local_until(parts["UNTIL"])
    return parts


def _part(piece: str) -> tuple[str, str]:
    key, sep, item = piece.partition("=")
    if not sep or not key.strip() or not item.strip():
        raise RuleError(f"{piece!r} is not NAME=VALUE")
    return key.strip().upper(), item.strip().upper()


def _local_until(value: str) -> str:
    """UNTIL as local wall-clock time: a UTC one ("…Z", as RFC 5545 wants beside a TZID) is
    moved to Finnish time, a date alone is the end of that day."""
    try:
        if value.endswith("Z"):
            moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return localise_naive(moment).strftime("%Y%m%dT%H%M%S")
        if "T" not in value:
            return datetime.strptime(value, "%Y%m%d").strftime("%Y%m%dT235959")
        return datetime.strptime(value, "%Y%m%dT%H%M%S").strftime("%Y%m%dT%H%M%S")
    except ValueError:
        raise RuleError(f"UNTIL={value} is not a date or date-time") from None


HELSINKI = ZoneInfo("Europe/Helsinki")


def localise_naive(moment: datetime, zone: ZoneInfo = HELSINKI) -> datetime:
    """An aware moment as the naive wall-clock time of the zone."""
    return moment.astimezone(zone).replace(tzinfo=None)


def aware(wall_clock: datetime, zone: ZoneInfo = HELSINKI) -> datetime:
    """A naive wall-clock time as an aware one in the zone (the earlier of a repeated hour)."""
    return wall_clock.replace(tzinfo=zone)
