"""The fast expansion gives exactly dateutil's starts: thousands of random rules, compared.

The reference is the schedule as it was before the fast path: dateutil's rrulestr on the
rule, its between() and its whole list for the last start. Each case is drawn from a seeded
random generator, so a failure names a case that can be run again.
"""

import random
from datetime import UTC, datetime, timedelta

import pytest
from dateutil.rrule import DAILY, HOURLY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from jarjestokartta.events import recurrence, rule_expansion
from jarjestokartta.events.recurrence import Schedule

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CASES = 2500


def reference_rule(value: str, start: datetime) -> rrule:
    normalised = ";".join(f"{key}={item}" for key, item in recurrence._parts(value).items())
    return rrulestr(normalised, dtstart=start.replace(tzinfo=None))


def reference_between(schedule: Schedule, first: datetime, last: datetime) -> list[datetime]:
    starts = set(reference_rule(schedule.rule, schedule.start).between(first, last, inc=True))
    starts.update(day for day in schedule.rdates if first <= day <= last)
    return sorted(starts - set(schedule.exdates))


def reference_last(schedule: Schedule) -> datetime | None:
    rule = reference_rule(schedule.rule, schedule.start)
    if rule._until is None and rule._count is None:
        return None
    remaining = sorted({*rule, *schedule.rdates} - set(schedule.exdates))
    return remaining[-1] if remaining else None


def with_fold(moments):
    """Moments as (moment, fold): equal naive moments may still differ in the hour they mean."""
    return None if moments is None else [(moment, moment.fold) for moment in moments]


def last_sunday(year: int, month: int) -> datetime:
    day = datetime(year, month, 31 if month in (3, 10) else 30)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def random_start(chance: random.Random) -> datetime:
    """A wall-clock start, often on or around a daylight-saving change, sometimes in the
    repeated hour of October (fold 1, as localise_naive gives it) or with microseconds."""
    year = chance.randint(2024, 2028)
    shape = chance.random()
    if shape < 0.3:
        change = last_sunday(year, chance.choice((3, 10)))
        day = change + timedelta(days=chance.randint(-8, 8))
        moment = day.replace(
            hour=chance.choice((0, 2, 3, 4, 17, 23)), minute=chance.choice((0, 30))
        )
    elif shape < 0.4:
        # 00:00–01:59 UTC on the October Sunday: 03:00–03:59 local twice, the second fold 1.
        change = last_sunday(year, 10)
        utc = datetime(change.year, 10, change.day, 0, 30, tzinfo=UTC)
        moment = recurrence.localise_naive(utc + timedelta(minutes=chance.choice((0, 30, 60, 90))))
    else:
        moment = datetime(year, chance.randint(1, 12), chance.randint(1, 28))
        moment = moment.replace(day=chance.randint(1, 28)) + timedelta(
            days=chance.randint(0, 3), hours=chance.randint(0, 23), minutes=chance.randint(0, 59)
        )
    if chance.random() < 0.05:
        moment = moment.replace(microsecond=chance.randint(1, 999_999))
    return moment


def random_weekdays(chance: random.Random, nth: bool = False) -> str:
    days = chance.sample(WEEKDAYS, chance.choice((1, 1, 1, 2, 3)))
    if nth:
        return ",".join(f"{chance.choice((1, 2, 3, 4, 5, -1, -2, -5))}{day}" for day in days)
    return ",".join(days)


def random_end(chance: random.Random, start: datetime) -> str:
    shape = chance.random()
    if shape < 0.4:
        until = start + timedelta(days=chance.randint(-3, 900), seconds=chance.randint(-7200, 7200))
        return f";UNTIL={until:%Y%m%dT%H%M%S}"
    if shape < 0.5:
        # The whole last day, as the form and the Popolo files write it.
        return f";UNTIL={start + timedelta(days=chance.randint(0, 400)):%Y%m%d}"
    if shape < 0.8:
        return f";COUNT={chance.choice((1, 2, 3, 7, 12, 40, 300, 1000))}"
    return ""


def supported_rule(chance: random.Random, start: datetime) -> str:
    """A rule the arithmetic expands."""
    kind = chance.choice(("DAILY", "WEEKLY", "WEEKLY", "MONTHLY", "MONTHLY", "YEARLY"))
    interval = chance.choice((1, 1, 1, 2, 3, 4, 5, 6, 8, 12))
    parts = [f"FREQ={kind}"]
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if kind == "DAILY" and chance.random() < 0.5:
        days = chance.sample(WEEKDAYS, chance.choice((1, 2, 5)))
        if interval % 7 == 0 or len(days) < 2:
            days.append(WEEKDAYS[start.weekday()])  # so that some start exists at all
        parts.append("BYDAY=" + ",".join(days))
    elif kind == "WEEKLY" and chance.random() < 0.85:
        parts.append("BYDAY=" + random_weekdays(chance, nth=chance.random() < 0.1))
    elif kind == "MONTHLY":
        shape = chance.random()
        if shape < 0.45:
            parts.append("BYDAY=" + random_weekdays(chance, nth=True))
        elif shape < 0.6:
            parts.append("BYDAY=" + random_weekdays(chance))
        elif shape < 0.9:
            days = chance.sample(
                (1, 2, 13, 15, 28, 29, 30, 31, -1, -2, -3, -31), chance.randint(1, 3)
            )
            parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    if kind == "WEEKLY" and chance.random() < 0.3:
        parts.append(f"WKST={chance.choice(WEEKDAYS)}")
    return ";".join(parts) + random_end(chance, start)


def unsupported_rule(chance: random.Random, start: datetime) -> str:
    """A rule left to dateutil."""
    end = random_end(chance, start)
    return chance.choice(
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1,2",
            "FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO",
            "FREQ=WEEKLY;BYMONTH=1,2,12;BYDAY=TU",
            "FREQ=DAILY;BYHOUR=9,17",
            "FREQ=WEEKLY;BYDAY=TU,TH;BYMINUTE=0,30",
            "FREQ=YEARLY;BYMONTHDAY=1,15",
            "FREQ=YEARLY;BYWEEKNO=1,20",
            "FREQ=YEARLY;BYYEARDAY=1,100,-1",
            "FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=1,2,3,4,5,6,7",
            # dateutil takes the first Mondays that are Mondays: an intersection, not a union.
            "FREQ=MONTHLY;BYDAY=1MO,MO",
        )
    ) + end.replace(";COUNT=1000", ";COUNT=30")


def random_range(chance: random.Random, start: datetime) -> tuple[datetime, datetime]:
    first = start + timedelta(days=chance.randint(-60, 500), seconds=chance.randint(-86400, 86400))
    if chance.random() < 0.15:
        first = start + timedelta(microseconds=chance.choice((-1, 0, 1)))
    last = first + timedelta(days=chance.randint(-2, 500), seconds=chance.randint(0, 86400))
    return first, last


def random_case(chance: random.Random, supported: bool) -> tuple[Schedule, datetime, datetime]:
    start = random_start(chance)
    rule = supported_rule(chance, start) if supported else unsupported_rule(chance, start)
    given = list(reference_rule(rule, start).between(start, start + timedelta(days=900), inc=True))
    exdates: list[datetime] = []
    if given and chance.random() < 0.4:
        exdates = chance.sample(given, min(len(given), chance.randint(1, 4)))
        if chance.random() < 0.3:
            exdates += given[-chance.randint(1, min(3, len(given))) :]  # the last ones, too
    if chance.random() < 0.1:
        exdates.append(start + timedelta(days=1, hours=1))  # not a start: changes nothing
    rdates = []
    if chance.random() < 0.2:
        rdates = [start + timedelta(days=chance.randint(-10, 1200), hours=1) for _ in range(2)]
        if given:
            rdates.append(chance.choice(given))  # one the rule gives anyway
    schedule = Schedule(start=start, rule=rule, exdates=tuple(exdates), rdates=tuple(rdates))
    return (schedule, *random_range(chance, start))


@pytest.mark.parametrize("supported", [True, False], ids=["fast", "dateutil"])
def test_it_gives_dateutils_starts_and_last_start_for_thousands_of_random_rules(supported):
    chance = random.Random(20261006 + supported)
    fast_ones = 0
    for number in range(CASES if supported else CASES // 5):
        schedule, first, last = random_case(chance, supported)
        case = f"case {number}: {schedule}, from {first} to {last}"
        fast_ones += recurrence._read(schedule.rule).fast is not None
        assert with_fold(schedule.starts_between(first, last)) == with_fold(
            reference_between(schedule, first, last)
        ), case
        expected_last = reference_last(schedule)
        assert schedule.last_start() == expected_last, case
        if expected_last is not None:
            assert schedule.last_start().fold == expected_last.fold, case
    # The comparison is only worth something if the rules took the path it is about.
    assert fast_ones == (CASES if supported else 0)


def test_it_finds_the_first_start_as_dateutil_does():
    chance = random.Random(5545)
    for number in range(CASES):
        start = random_start(chance)
        rule = supported_rule(chance, start)
        moment = random_range(chance, start)[0]
        fast = recurrence._read(rule).fast
        expected = reference_rule(rule, start).after(moment.replace(tzinfo=None), inc=True)
        assert fast.first_from(start, moment) == expected, f"case {number}: {rule} from {start}"


def test_it_expands_keywords_that_recurrence_refuses_as_dateutil_does():
    """COUNT with UNTIL together, as dateutil itself takes them."""
    chance = random.Random(14)
    for number in range(300):
        start = random_start(chance).replace(microsecond=0)
        keywords = {
            "freq": chance.choice((DAILY, WEEKLY, MONTHLY, YEARLY)),
            "interval": chance.randint(1, 3),
            "count": chance.randint(1, 60),
            "until": start + timedelta(days=chance.randint(0, 700)),
        }
        fast = rule_expansion.for_keywords(keywords)
        with pytest.warns(DeprecationWarning):
            expected = rrule(dtstart=start, **keywords)
        case = f"case {number}: {keywords} from {start}"
        assert fast.last_starts(start, 2) == list(expected)[-2:], case
        first, last = random_range(chance, start)
        assert fast.between(start, first, last) == expected.between(first, last, inc=True), case


def test_it_leaves_the_shapes_it_does_not_know_to_dateutil():
    assert rule_expansion.for_keywords({"freq": HOURLY}) is None
    assert rule_expansion.for_keywords({"freq": WEEKLY, "bysetpos": (1,)}) is None
    assert rule_expansion.for_keywords({"freq": WEEKLY, "interval": 5000}) is None
    assert rule_expansion.for_keywords({"freq": WEEKLY}) == rule_expansion.FastRule(freq=WEEKLY)


def test_it_answers_a_rule_that_gives_nothing_without_walking_to_year_9999():
    # February never has a 30th: dateutil walks 8,000 years to find no start at all.
    schedule = Schedule(
        start=datetime(2027, 2, 1, 18), rule="FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30"
    )
    assert schedule.starts_between(datetime(2026, 1, 1), datetime(2030, 1, 1)) == []
    ending = Schedule(start=schedule.start, rule=schedule.rule + ";UNTIL=20290101")
    assert ending.last_start() is None
    assert ending.starts_between(datetime(2026, 1, 1), datetime(2030, 1, 1)) == []


def test_it_leaves_the_end_of_the_calendar_to_dateutil():
    schedule = Schedule(start=datetime(2026, 10, 6, 17), rule="FREQ=YEARLY;INTERVAL=10;COUNT=1000")
    assert recurrence._read(schedule.rule).fast is not None
    with pytest.raises(rule_expansion.OutOfReach):
        recurrence._read(schedule.rule).fast.last_starts(schedule.start, 1)
    # dateutil ends the rule at year 9999, and so does the schedule.
    assert schedule.last_start() == datetime(9996, 10, 6, 17)
    assert schedule.starts_between(datetime(9990, 1, 1), datetime(9999, 12, 31)) == [
        datetime(9996, 10, 6, 17)
    ]
