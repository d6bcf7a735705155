import re
from datetime import date

import pytest

from jarjestokartta.events.choices import Channel, EventStatus
from jarjestokartta.events.occurrences import store
from jarjestokartta.events.tests.factories import (
    EventFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area, AreaKind

pytestmark = pytest.mark.django_db
THURSDAY = date(2026, 10, 8)


@pytest.fixture(autouse=True)
def _a_thursday(monkeypatch):
    """This week is from Thursday 8.10.2026 to Sunday 11.10.2026."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: local(2026, 10, 8, 8))
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: THURSDAY)


def at(slug: str, **fields):
    area = Area.objects.get(slug=slug, classification=AreaKind.MUNICIPALITY)
    return dict(channel=Channel.PLACE, online_url="", municipality=area, **fields)


def week_of(client, slug: str) -> str:
    html = client.get(f"/alueet/{slug}/").content.decode()
    week = html.split('id="viikko-otsikko"')[1].split("</section>")[0]
    return re.sub(r"\s+", " ", week)


def test_a_municipality_page_lists_what_happens_there_for_the_rest_of_the_week(client):
    daily = WeeklyActivityFactory(**at("kuopio", name="Aamukahvi", rrule="FREQ=DAILY;COUNT=30"))
    OccurrenceChangeFactory(
        event=daily, original_start=local(2026, 10, 9, 17), status=EventStatus.CANCELLED
    )
    EventFactory(**at("kuopio", name="Ensi viikon juhla", start=local(2026, 10, 12, 12), end=None))
    EventFactory(**at("siilinjarvi", name="Naapurin ilta", start=local(2026, 10, 9, 18), end=None))
    store(today=THURSDAY)
    week = week_of(client, "kuopio")
    assert "to 8.10.2026 klo 17–19 – <a" in week
    assert "<del>pe 9.10.2026 klo 17–19</del> <strong>Peruttu</strong>" in week
    assert week.count("Aamukahvi") == 4  # Thursday to Sunday
    assert "Ensi viikon juhla" not in week and "Naapurin ilta" not in week


def test_a_region_page_lists_its_municipalities_week(client):
    EventFactory(**at("siilinjarvi", name="Naapurin ilta", start=local(2026, 10, 9, 18), end=None))
    store(today=THURSDAY)
    assert "pe 9.10.2026 klo 18 – <a" in week_of(client, "pohjois-savo")
    assert "Ei mitään tällä viikolla." in week_of(client, "kuopio")
