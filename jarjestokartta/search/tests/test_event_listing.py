"""The "Tapahtumat ja toiminta" listing, its downloads and "Lähelläsi"."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from jarjestokartta.directory.tests.factories import OrganizationFactory, ThemeFactory
from jarjestokartta.events import occurrences
from jarjestokartta.events.choices import Channel, EventKind, EventStatus
from jarjestokartta.events.tests.factories import (
    EventFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.search import event_listing

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr(event_listing, "today", lambda: TODAY)


def municipality(code: str) -> Area:
    return Area.objects.get(classification=AreaKind.MUNICIPALITY, code=code)


def at(area: Area, **fields):
    return EventFactory(channel=Channel.PLACE, municipality=area, place_name="Talo", **fields)


def stored(*events) -> None:
    occurrences.store([event.pk for event in events], today=TODAY)


def listed(client, **params) -> list[str]:
    response = client.get(reverse("event-list"), params)
    assert response.status_code == 200
    return [o.event.name for day in response.context["days"] for o in day.occurrences]


def test_it_lists_upcoming_occurrences_by_finnish_day(client):
    stored(WeeklyActivityFactory(name="Vertaisryhmä"), EventFactory(name="Kokoontuminen"))
    response = client.get(reverse("event-list"))
    headings = [day.heading for day in response.context["days"]]
    assert headings == ["tiistai 1.12.2026", "tiistai 8.12.2026", "tiistai 15.12.2026"]
    assert "tiistai 8.12.2026" in response.content.decode()


def test_it_filters_by_municipality_and_region(client):
    helsinki, kuopio = municipality("091"), municipality("297")
    stored(at(helsinki, name="Helsingissä"), at(kuopio, name="Kuopiossa"))
    assert listed(client, kunta=helsinki.slug) == ["Helsingissä"]
    region = kuopio.region_on(TODAY)
    assert region is not None
    assert listed(client, maakunta=region.slug) == ["Kuopiossa"]


def test_it_filters_by_theme_kind_language_channel_price_and_accessibility(client):
    theme = ThemeFactory(slug="perheet")
    themed = EventFactory(name="Teema", is_free=False, price="5 €")
    themed.themes.add(theme)  # type: ignore[attr-defined]
    other = EventFactory(
        name="Muu", kind=EventKind.COURSE, languages=["sv"], accessibility=["step_free"]
    )
    phone = EventFactory(name="Puhelin", channel=Channel.PHONE, phone="0401234567", online_url="")
    stored(themed, other, phone)
    assert listed(client, teema="perheet") == ["Teema"]
    assert listed(client, tyyppi="course") == ["Muu"]
    assert listed(client, kieli="sv") == ["Muu"]
    assert listed(client, missa="phone") == ["Puhelin"]
    assert sorted(listed(client, maksuton="1")) == ["Muu", "Puhelin"]
    assert listed(client, saavutettavuus="step_free") == ["Muu"]


def test_it_filters_by_dates(client):
    stored(WeeklyActivityFactory(name="Ryhmä"))
    assert len(listed(client, aika="tanaan")) == 1
    assert len(listed(client, aika="viikko")) == 1
    assert len(listed(client, aika="kuukausi")) == 3
    assert len(listed(client, alkaen="2026-12-08", asti="2026-12-15")) == 2


def test_it_filters_by_words_in_name_summary_or_organiser(client):
    organizer = OrganizationFactory(name="Mannerheimin Lastensuojeluliitto")
    stored(
        EventFactory(name="Perhekahvila"),
        EventFactory(name="Kerho", summary="Lauluja ja leikkejä"),
        EventFactory(name="Ilta", organizer=organizer),
    )
    assert listed(client, q="perhekahvila") == ["Perhekahvila"]
    assert listed(client, q="LAULUJA") == ["Kerho"]
    assert listed(client, q="lastensuojelu") == ["Ilta"]


@pytest.mark.parametrize(
    "params",
    [
        {"tyyppi": "juhla"},
        {"kieli": "xx"},
        {"missa": "kuu"},
        {"saavutettavuus": "lentävä"},
        {"maksuton": "ehkä"},
        {"aika": "ensi-vuonna"},
        {"alkaen": "1.12.2026"},
        {"alkaen": "2026-12-10", "asti": "2026-12-01"},
        {"alkaen": "2026-01-01", "asti": "2028-01-01"},
        {"kunta": "atlantis"},
        {"maakunta": "atlantis"},
        {"teema": "ei-ole"},
        {"kohderyhma": "ei-ole"},
    ],
)
def test_it_answers_a_bad_filter_with_a_finnish_message(client, params):
    response = client.get(reverse("event-list"), params, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400
    assert response.context["error"]
    assert 'role="alert"' in response.content.decode()
    download = client.get(reverse("event-download", args=["csv"]), params)
    assert download.status_code == 400


def test_it_shows_an_empty_state(client):
    response = client.get(reverse("event-list"))
    assert response.context["days"] == []
    assert 'class="empty"' in response.content.decode()


def test_it_pages_without_a_total(client):
    events = [EventFactory(start=local(2026, 12, 8, 8 + n % 10)) for n in range(31)]
    stored(*events)
    first = client.get(reverse("event-list"))
    assert sum(len(day.occurrences) for day in first.context["days"]) == 30
    assert first.context["next"] == "?sivu=2"
    second = client.get(reverse("event-list"), {"sivu": 2})
    assert sum(len(day.occurrences) for day in second.context["days"]) == 1
    assert second.context["next"] is None and second.context["previous"] == "?sivu=1"


def test_it_strikes_through_a_cancelled_occurrence(client):
    event = WeeklyActivityFactory()
    OccurrenceChangeFactory(
        event=event, original_start=local(2026, 12, 8, 17), status=EventStatus.CANCELLED
    )
    stored(event)
    html = client.get(reverse("event-list"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert html.count("<del>") == 1


def test_it_answers_htmx_with_the_results_only(client):
    stored(EventFactory())
    response = client.get(reverse("event-list"), HTTP_HX_REQUEST="true")
    assert response.templates[0].name == "search/_event_results.html"


def test_it_downloads_the_list_as_csv_and_xlsx(client):
    stored(at(municipality("297"), name="=Kaava", summary="Tervetuloa"))
    csv_text = b"".join(
        client.get(reverse("event-download", args=["csv"])).streaming_content
    ).decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert len(lines) == 2
    assert "2026-12-08 17:00;2026-12-08 19:00;'=Kaava" in lines[1]
    assert "Talo, Kuopio;Kuopio" in lines[1]
    response = client.get(reverse("event-download", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][2] == "=Kaava" and rows[1][9] == "Tervetuloa"


def test_it_pins_the_query_count_of_a_page(client):
    """Queries: 1 the region by slug, 2 its municipalities, 3 the theme by slug, 4 its
    events counted up to a bound (events/listing_plan.py), 5 the page of occurrences joined
    with event, organiser, municipality and area (the theme a subquery), 6-8 the form's
    regions, themes and target groups."""
    kuopio = municipality("297")
    theme = ThemeFactory(slug="perheet")
    events = [at(kuopio) for _ in range(5)]
    for event in events:
        event.themes.add(theme)
    stored(*events)
    region = kuopio.region_on(TODAY)
    assert region is not None
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("event-list"), {"maakunta": region.slug, "teema": "perheet"})
    assert sum(len(day.occurrences) for day in response.context["days"]) == 5
    assert len(queries) == 8, [q["sql"] for q in queries]


def test_it_lists_near_a_postal_code_the_municipality_first(client):
    kuopio = municipality("297")
    siilinjarvi = municipality("749")
    stored(at(siilinjarvi, name="Naapurissa"), at(kuopio, name="Kotona"))
    response = client.get(reverse("near-you"), {"postinumero": "70100"})
    assert response.status_code == 200
    assert response.context["municipality"] == kuopio
    assert [o.event.name for d in response.context["here"] for o in d.occurrences] == ["Kotona"]
    elsewhere = [o.event.name for d in response.context["elsewhere"] for o in d.occurrences]
    assert elsewhere == ["Naapurissa"]


@pytest.mark.parametrize("code", ["7010", "FI-70100", "00000"])
def test_it_answers_a_bad_postal_code_with_a_finnish_message(client, code):
    response = client.get(reverse("near-you"), {"postinumero": code}, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400
    assert response.context["error"]


def test_it_keeps_a_linked_municipality_in_the_form_by_its_name(client):
    """A municipality page links /tapahtumat/?kunta=…: the form shows it and keeps it, so that
    choosing a theme does not drop it, and offers the way back to every municipality."""
    kuopio = municipality("297")
    response = client.get(reverse("event-list"), {"kunta": kuopio.slug, "teema": "", "sivu": 2})
    page = response.content.decode()
    assert f'<input type="hidden" name="kunta" value="{kuopio.slug}">Kuopio' in page
    assert response.context["without_municipality"] == "?teema="
    assert "chosen_municipalities" not in client.get(reverse("event-list")).context
