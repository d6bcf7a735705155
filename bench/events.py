"""The activities and events of the synthetic Finland: the top-level Popolo `events`.

About 4 for each organisation (500,000 at the national 120,000). Every cooperation body
meets 2–6 times a year (a recurring meeting on the nth weekday of the month); the rest are
the associations' doings, by their theme, so that they are spread by population as the
associations are: weekly, fortnightly and monthly groups over the autumn, the spring or the
whole 2026–27 season (some simply go on), courses of 6–12 weeks, volunteering, and one-off
events. A share is online, by phone or both at a place and online; a few are cancelled or
postponed, and a few single occurrences are cancelled.

The events draw from a random stream of their own, so that adding them leaves the
organisations, bodies and memberships of the file as they were, byte for byte.
"""

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bench import event_patterns as words
from bench import patterns
from bench.event_patterns import HOLIDAYS
from bench.finland import SyntheticFinland
from bench.places import Municipality
from bench.rhythms import WEEKDAYS, Rhythm
from jarjestokartta.geography import postal_codes

# 500,000 events for 120,000 organisations; the same proportion at any size.
EVENTS_PER_ORGANIZATION = 500_000 / 120_000
HELSINKI = ZoneInfo("Europe/Helsinki")
# The season the schedules are written for; the bench measures on this day, so that the
# figures do not depend on the day the bench is run (a Tuesday in the middle of the autumn).
BENCH_DAY = date(2026, 10, 6)
# How often a body of each kind meets in a year.
MEETINGS_A_YEAR = {
    "council": [4, 6],
    "advisory_board": [4, 6],
    "partnership_table": [4, 6],
    "working_group": [6],
    "network": [3, 4],
    "forum": [2, 3],
}
COURSE_STARTS = [date(2026, 9, 7), date(2026, 10, 19), date(2027, 1, 18), date(2027, 3, 8)]
ON_WEEKDAYS = {
    "MO": "maanantaisin",
    "TU": "tiistaisin",
    "WE": "keskiviikkoisin",
    "TH": "torstaisin",
    "FR": "perjantaisin",
    "SA": "lauantaisin",
    "SU": "sunnuntaisin",
}


def event_count(organizations: int) -> int:
    return round(organizations * EVENTS_PER_ORGANIZATION)


def moment(wall_clock: datetime) -> str:
    """A Finnish wall-clock time written with its offset, as Popolo's schema wants it."""
    return wall_clock.replace(tzinfo=HELSINKI).isoformat(timespec="minutes")


class Events:
    def __init__(self, finland: SyntheticFinland, total: int) -> None:
        self.rng = random.Random(f"events {finland.seed}")
        self.active = sorted(finland.active.items(), key=lambda item: int(item[0][1:]))
        self.bodies = finland.body_homes
        self.total = total
        self.source = finland.source
        self.number = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        meetings = self.bodies[: self.total]
        for body in meetings:
            yield self.meeting(*body)
        if not self.active:
            return
        for _ in range(self.total - len(meetings)):
            org_id, (town, theme, groups) = self.rng.choice(self.active)
            yield self.doing(org_id, town, theme, groups)

    # --- the parts of a record ---------------------------------------------------------------
    def record(self, **fields: Any) -> dict[str, Any]:
        record = {"id": f"e{self.number}", **fields, "timezone": "Europe/Helsinki"}
        self.number += 1
        record["source"] = self.source
        return record

    def where(self, record: dict[str, Any], town: Municipality, online_share: float) -> None:
        rng = self.rng
        draw = rng.random()
        channel = "place"
        if draw < online_share:
            channel = "online"
        elif draw < online_share * 1.7:
            channel = "hybrid"
        elif draw < online_share * 2.1:
            channel = "phone"
        record["channel"] = channel
        record["area_id"] = town.popolo_id
        if channel in ("place", "hybrid"):
            place = rng.choice(words.PLACES)
            street = f"{rng.choice(patterns.STREETS)} {rng.randint(1, 40)}"
            code = postal_code(town, rng)
            record["place_name"] = place
            record["street_address"] = street
            if code:
                record["postal_code"] = code
            record["location"] = ", ".join(part for part in (place, street, town.name) if part)
        if channel in ("online", "hybrid"):
            record["online_url"] = f"https://meet.example/{record['id']}"
            record.setdefault("location", "Verkossa")
        if channel == "phone":
            record["phone"] = f"040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            record["location"] = "Puhelimessa"

    def details(self, record: dict[str, Any], theme: str, groups: list[str]) -> None:
        rng = self.rng
        record["themes"] = [theme]
        if groups:
            record["target_groups"] = groups
        languages = [code for code, share in words.LANGUAGE_SHARES if rng.random() < share]
        record["languages"] = languages or ["fi"]
        if rng.random() < 0.8:
            record["is_free"] = True
        else:
            record["is_free"] = False
            record["price"] = f"{rng.choice([2, 3, 5, 10, 15, 25])} €, jäsenille edullisemmin"
        if rng.random() < 0.4:
            record["accessibility"] = sorted(rng.sample(words.ACCESSIBILITY, rng.randint(1, 3)))
        draw = rng.random()
        if draw < 0.005:
            record["status"] = "cancelled"
        elif draw < 0.008:
            record["status"] = "postponed"
        else:
            record["status"] = "scheduled"

    # --- schedules -------------------------------------------------------------------------
    def weekday(self) -> str:
        return self.rng.choices(WEEKDAYS, words.WEEKDAY_WEIGHTS)[0]

    def hours(self, evening: bool = True) -> tuple[time, timedelta]:
        rng = self.rng
        hour = rng.choice([17, 17, 18, 18, 19]) if evening else rng.choice([9, 10, 12, 13, 14])
        minute = rng.choice([0, 0, 0, 30])
        return time(hour, minute), timedelta(minutes=rng.choice([60, 90, 90, 120, 120, 180]))

    def recurring(
        self, record: dict[str, Any], rhythm: Rhythm, first_day: date, length: timedelta, at: time
    ) -> None:
        """Start on the rhythm's first date from `first_day`; leave out the holidays it hits."""
        first = rhythm.first(first_day)
        start = datetime.combine(first, at)
        record["rrule"] = rhythm.rule
        record["start_date"] = moment(start)
        record["end_date"] = moment(start + length)
        skipped = [day for day in HOLIDAYS if day > first and rhythm.gives(first, day)]
        if skipped:
            record["exdate"] = [moment(datetime.combine(day, at)) for day in skipped]
        rng = self.rng
        if rng.random() < 0.02 and not rhythm.nth:  # a few single occurrences cancelled
            later = first + timedelta(weeks=rhythm.interval * rng.randint(1, 6))
            if rhythm.gives(first, later) and later not in skipped:
                record["occurrence_changes"] = [
                    {
                        "original_start": moment(datetime.combine(later, at)),
                        "status": "cancelled",
                        "note": "Ohjaaja estynyt, ei kokoontumista.",
                    }
                ]
        if rng.random() < 0.01:  # an extra Saturday
            extra = date(2026, 11, 14)
            if extra > first and not rhythm.gives(first, extra):
                record["rdate"] = [moment(datetime.combine(extra, at))]

    # --- records -------------------------------------------------------------------------
    def meeting(
        self, body_id: str, name: str, kind: str, town: Municipality, theme: str
    ) -> dict[str, Any]:
        rng = self.rng
        times = rng.choice(MEETINGS_A_YEAR[kind])
        interval = words.MEETING_RHYTHMS[times]
        day = rng.choice(["MO", "TU", "WE", "TH"])
        rhythm = Rhythm((day,), interval, nth=rng.randint(1, 3), until=date(2027, 12, 31))
        record = self.record(
            name=f"{name}: kokous",
            classification="meeting",
            organization_id=body_id,
            summary=f"{name} kokoontuu {times} kertaa vuodessa.",
            description="Kokous on avoin jäsenjärjestöjen edustajille. Esityslista "
            "lähetetään viikkoa ennen.",
        )
        at, length = self.hours(evening=rng.random() < 0.3)
        first_day = rng.choice([date(2026, 1, 12), date(2026, 8, 10)])
        self.recurring(record, rhythm, first_day, length, at)
        self.where(record, town, online_share=0.15)
        self.details(record, theme, [])
        return record

    def doing(
        self, org_id: str, town: Municipality, theme: str, groups: list[str]
    ) -> dict[str, Any]:
        rng = self.rng
        kind, name, summary = rng.choice(words.DOINGS[theme])
        record = self.record(
            name="",
            classification=kind,
            organization_id=org_id,
            summary=summary,
            description=f"{summary} Järjestäjä kertoo lisää. Tervetuloa mukaan!",
        )
        at, length = self.hours(evening=rng.random() < 0.75)
        day = self.weekday()
        if kind in ("activity", "volunteering"):
            rhythm_name = rng.choices(*zip(*words.RHYTHMS, strict=True))[0]
            season = rng.choices(*zip(*words.SEASONS, strict=True))[0]
            first_day, until = season or (words.SEASON[0], None)
            days: tuple[str, ...] = (day,)
            if rhythm_name == "twice":
                days = tuple(sorted({day, rng.choice(WEEKDAYS[:5])}, key=WEEKDAYS.index))
            rhythm = Rhythm(
                days,
                interval=2 if rhythm_name == "fortnightly" else 1,
                nth=rng.randint(1, 4) if rhythm_name == "monthly" else 0,
                until=until,
            )
            self.recurring(record, rhythm, first_day, length, at)
            record["name"] = f"{name} {ON_WEEKDAYS[day]}, {town.name}"
        elif kind == "course":
            weeks = rng.randint(6, 12)
            first_day = rng.choice(COURSE_STARTS)
            self.recurring(record, Rhythm((day,), count=weeks), first_day, length, at)
            record["name"] = f"{name}, {town.name}"
        else:
            day_of_year = date(2026, 8, 15) + timedelta(days=rng.randint(0, 320))
            start = datetime.combine(day_of_year, at)
            if name == "Leiri":
                length = timedelta(days=1, hours=rng.randint(2, 8))
            record["start_date"] = moment(start)
            record["end_date"] = moment(start + length)
            record["name"] = f"{name} {day_of_year.day}.{day_of_year.month}., {town.name}"
        self.where(record, town, online_share=0.06)
        self.details(record, theme, groups)
        return record


_POSTAL: dict[str, list[str]] = {}


def postal_code(town: Municipality, rng: random.Random) -> str:
    """A real postal code of the town with street addresses (Posti's file,
    geography/postal_codes.py), since a made-up one would be refused; none if it has none."""
    if not _POSTAL:
        _POSTAL.update(_street_codes())
        _POSTAL.setdefault("", [])
    codes = _POSTAL.get(town.code)
    pick = rng.random()  # drawn either way, so that the rest of the stream stays the same
    return codes[int(pick * len(codes))] if codes else ""


def _street_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in postal_codes.all_postal_codes():
        if item.has_street_addresses:
            found.setdefault(item.municipality_code, []).append(item.code)
    return {code: sorted(values) for code, values in found.items()}
