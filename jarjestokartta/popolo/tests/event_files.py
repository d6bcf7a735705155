"""A small Popolo file with one event of each kind, for the event import and export tests."""

import copy
from typing import Any

ORGANIZATIONS: list[dict[str, Any]] = [
    {
        "id": "mll-kuopio",
        "name": "MLL:n Kuopion yhdistys",
        "classification": "association",
        "area_id": "kunta:297",
    },
    {
        "id": "kuopion-foorumi",
        "name": "Kuopion järjestöjen yhteistyöfoorumi",
        "classification": "forum",
        "area_id": "kunta:297",
    },
]

EVENTS: list[dict[str, Any]] = [
    {
        "id": "perhekahvila",
        "name": "Perhekahvila",
        "classification": "activity",
        "start_date": "2026-09-01T17:00+03:00",
        "end_date": "2026-09-01T19:00+03:00",
        "organization_id": "mll-kuopio",
        "location": "Perhetalo, Kauppakatu 1, 70100 Kuopio",
        "status": "scheduled",
        "name_sv": "Familjecafé",
        "summary": "Avoin kohtaamispaikka vauvaperheille.",
        "co_organizer_ids": ["kuopion-foorumi"],
        "themes": ["Lapset ja perheet"],
        "age_max": 6,
        "languages": ["fi", "sv"],
        "is_free": True,
        "channel": "place",
        "place_name": "Perhetalo",
        "street_address": "Kauppakatu 1",
        "postal_code": "70100",
        "area_id": "kunta:297",
        "accessibility": ["step_free", "induction_loop"],
        "accessibility_note": "Sisäänkäynti pihan puolelta.",
        "rrule": "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270531T235959",
        "exdate": ["2026-12-08T17:00+02:00"],
        "rdate": ["2026-12-10T17:00+02:00"],
        "timezone": "Europe/Helsinki",
        "occurrence_changes": [
            {
                "original_start": "2026-10-06T17:00+03:00",
                "status": "cancelled",
                "note": "Syyslomalla ei kahvilaa",
            },
            {
                "original_start": "2026-11-03T17:00+02:00",
                "status": "rescheduled",
                "start": "2026-11-04T17:00+02:00",
                "end": "2026-11-04T19:00+02:00",
                "note": "Tällä kertaa keskiviikkona",
            },
        ],
        "last_verified": "2026-11-20",
        "wikidata": "Q1",
    },
    {
        "id": "joulumyyjaiset",
        "name": "Joulumyyjäiset",
        "classification": "event",
        "start_date": "2026-12-12T10:00+02:00",
        "end_date": "2026-12-12T14:00+02:00",
        "organization_id": "mll-kuopio",
        "status": "scheduled",
        "is_free": False,
        "price": "2 €",
        "price_info_url": "https://example.org/hinta",
        "channel": "hybrid",
        "place_name": "Perhetalo",
        "area_id": "kunta:297",
        "location": "Perhetalo, Kuopio",
        "online_url": "https://example.org/striimi",
        "image_url": "https://example.org/kuva.jpg",
        "image_alt": "Piparkakkuja pöydällä",
        "timezone": "Europe/Helsinki",
    },
    {
        "id": "ensiapukurssi",
        "name": "Ensiapukurssi",
        "classification": "course",
        "start_date": "2027-01-16T09:00+02:00",
        "end_date": "2027-01-16T15:00+02:00",
        "organization_id": "mll-kuopio",
        "status": "postponed",
        "channel": "online",
        "online_url": "https://example.org/kurssi",
        "registration": "required",
        "registration_email": "kurssi@example.org",
        "registration_opens": "2026-12-01T09:00+02:00",
        "registration_closes": "2027-01-10T23:59+02:00",
        "capacity": 20,
        "super_event_id": "joulumyyjaiset",
        "timezone": "Europe/Helsinki",
    },
    {
        "id": "kerhoavustaja",
        "name": "Kerhoavustaja",
        "classification": "volunteering",
        "start_date": "2026-09-02T12:00+03:00",
        "organization_id": "mll-kuopio",
        "status": "scheduled",
        "channel": "phone",
        "phone": "017 123 4567",
        "is_published": False,
        "timezone": "Europe/Helsinki",
    },
    {
        "id": "foorumin-kokous",
        "name": "Foorumin syyskokous",
        "classification": "meeting",
        "start_date": "2026-10-20T13:00+03:00",
        "end_date": "2026-10-20T15:00+03:00",
        "organization_id": "kuopion-foorumi",
        "organizer_id": "mll-kuopio",
        "status": "scheduled",
        "agenda": "Avustukset 2027",
        "channel": "place",
        "place_name": "Kaupungintalo",
        "area_id": "kunta:297",
        "location": "Kaupungintalo, Kuopio",
        "timezone": "Europe/Helsinki",
    },
]


def event_file(**changes: Any) -> dict[str, Any]:
    """The file, with fields of the first event changed (None removes one)."""
    events = copy.deepcopy(EVENTS)
    for key, value in changes.items():
        if value is None:
            events[0].pop(key, None)
        else:
            events[0][key] = value
    return {"organizations": copy.deepcopy(ORGANIZATIONS), "events": events}
