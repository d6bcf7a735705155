"""The repetitions a person chooses in the editing form, written as an RRULE and read back.

Nobody types an RRULE by hand: the form offers weekly on chosen weekdays every n weeks, monthly
on the nth (or last) weekday, monthly on a day of the month, and an end (never, a date, a
number of times). `read_rule` answers None for a rule outside these (an imported BYSETPOS, a
yearly rule …), so that the form shows it as it is and keeps it instead of dropping it.
Django-free, so that a future self-service form can use it as well.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

# The repetitions, as the form's choice values.
NONE = "none"
WEEKLY = "weekly"
MONTHLY_WEEKDAY = "monthly_weekday"
MONTHLY_DAY = "monthly_day"
# An existing rule the form cannot show, kept as it is.
KEEP = "keep"

# How it ends.
NEVER = "never"
UNTIL = "until"
COUNT = "count"

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The nth weekday of a month: first to fourth, or the last (-1); a fifth is not in every month.
NTHS = (1, 2, 3, 4, -1)
MAX_INTERVAL = 52


@dataclass(frozen=True)
class Repetition:
    """How something repeats, in the terms of the form."""

    kind: str = NONE
    weekdays: tuple[str, ...] = field(default=())
    interval: int = 1
    nth: int = 1
    weekday: str = "MO"
    month_day: int = 1
    ends: str = NEVER
    until: date | None = None
    count: int | None = None


def write_rule(repetition: Repetition) -> str:
    """The RRULE value of the repetition; empty when it does not repeat."""
    if repetition.kind == NONE:
        return ""
    parts = [f"FREQ={'WEEKLY' if repetition.kind == WEEKLY else 'MONTHLY'}"]
    if repetition.interval != 1:
        parts.append(f"INTERVAL={repetition.interval}")
    if repetition.kind == WEEKLY:
        ordered = [day for day in WEEKDAYS if day in repetition.weekdays]
        parts.append(f"BYDAY={','.join(ordered)}")
    elif repetition.kind == MONTHLY_WEEKDAY:
        parts.append(f"BYDAY={repetition.nth}{repetition.weekday}")
    elif repetition.kind == MONTHLY_DAY:
        parts.append(f"BYMONTHDAY={repetition.month_day}")
    else:
        raise ValueError(f"{repetition.kind!r} is not a repetition the form writes")
    if repetition.ends == UNTIL and repetition.until is not None:
        # The whole last day counts, in the same local time as the start (see recurrence.py).
        parts.append(f"UNTIL={repetition.until:%Y%m%d}T235959")
    elif repetition.ends == COUNT and repetition.count is not None:
        parts.append(f"COUNT={repetition.count}")
    return ";".join(parts)


def read_rule(rule: str, start: datetime) -> Repetition | None:
    """The repetition a rule is, or None when the form cannot show it without changing it."""
    if not rule:
        return Repetition()
    parts = _parts(rule)
    if parts is None:
        return None
    frequency = parts.pop("FREQ", "")
    interval = parts.pop("INTERVAL", "1")
    if not interval.isdigit() or not 1 <= int(interval) <= MAX_INTERVAL:
        return None
    end = _end(parts.pop("UNTIL", None), parts.pop("COUNT", None))
    if end is None:
        return None
    ends, until, count = end
    common = {"interval": int(interval), "ends": ends, "until": until, "count": count}
    byday = parts.pop("BYDAY", None)
    monthday = parts.pop("BYMONTHDAY", None)
    if parts:  # BYSETPOS, BYMONTH, WKST …: more than the form offers
        return None
    weekday_of_start = WEEKDAYS[start.weekday()]
    if frequency == "WEEKLY" and monthday is None:
        days = (byday or weekday_of_start).split(",")
        if not days or any(day not in WEEKDAYS for day in days) or len(set(days)) != len(days):
            return None
        return Repetition(kind=WEEKLY, weekdays=tuple(days), **common)
    if frequency == "MONTHLY" and byday is not None and monthday is None:
        nth, weekday = byday[:-2], byday[-2:]
        if weekday not in WEEKDAYS or nth not in {str(n) for n in NTHS}:
            return None
        return Repetition(kind=MONTHLY_WEEKDAY, nth=int(nth), weekday=weekday, **common)
    if frequency == "MONTHLY" and byday is None:
        day = monthday or str(start.day)
        if not day.isdigit() or not 1 <= int(day) <= 31:
            return None
        return Repetition(kind=MONTHLY_DAY, month_day=int(day), **common)
    return None


def _parts(rule: str) -> dict[str, str] | None:
    parts: dict[str, str] = {}
    for piece in rule.strip().removeprefix("RRULE:").split(";"):
        key, sep, value = piece.partition("=")
        if not sep or key.upper() in parts:
            return None
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def _end(until: str | None, count: str | None) -> tuple[str, date | None, int | None] | None:
    if until is not None and count is not None:
        return None
    if count is not None:
        return (COUNT, None, int(count)) if count.isdigit() and int(count) > 0 else None
    if until is None:
        return (NEVER, None, None)
    # Only a whole last day reads back as a date: another time of day would change on saving.
    if until.endswith("T235959") or "T" not in until:
        try:
            return (UNTIL, datetime.strptime(until[:8], "%Y%m%d").date(), None)
        except ValueError:
            return None
    return None
