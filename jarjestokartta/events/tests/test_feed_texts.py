"""The feeds' texts kept ready (events/feed_texts.py): the same bytes as made afresh, and never
stale, whatever path changed what a text shows (a model save, the admin, an occurrence change,
a municipality's name, publishing, the Popolo import), since a text is used only while the
event still has the `modified`, `sequence` and town it was made from."""

import json
import logging
from datetime import date

import pytest
from django.conf import settings
from django.db import DatabaseError
from django.utils import translation

from jarjestokartta.accounts.tests.helpers import ready_for_admin
from jarjestokartta.events import calendar, calendar_views, feed_texts, occurrences
from jarjestokartta.events.choices import Channel, EventStatus
from jarjestokartta.events.form_fields import show_date
from jarjestokartta.events.models import Event, FeedText
from jarjestokartta.events.tests.factories import (
    EventFactory,
    OccurrenceChangeFactory,
    WeeklyActivityFactory,
    local,
)
from jarjestokartta.geography.models import Area, AreaKind
from jarjestokartta.popolo.importer import popolo_import
from jarjestokartta.popolo.tests.event_files import event_file

pytestmark = pytest.mark.django_db
MONTH = {"start": "2026-10-01", "end": "2026-12-31"}


@pytest.fixture(autouse=True)
def _event_pages(settings):
    settings.ROOT_URLCONF = "jarjestokartta.events.tests.urls"


def body(response) -> bytes:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content) if response.streaming else response.content


def feed(client, **params) -> bytes:
    occurrences.store(today=date(2026, 10, 1))
    return body(client.get("/tapahtumat.ics", {**MONTH, **params}))


def made_afresh(*events: Event) -> bytes:
    """What calendar.feed writes from the events' rows, nothing kept."""
    chosen = calendar.for_feed(Event.objects.filter(pk__in=[e.pk for e in events]))
    return calendar.feed(
        chosen.order_by("start", "pk"),
        name=feed_name(),
        url_of=lambda e: f"http://testserver/tapahtumat/{e.slug}/",
    )


def feed_name() -> str:
    with translation.override(settings.LANGUAGE_CODE):  # as the request without a language
        return translation.gettext("Activities and events")


def kuopio() -> Area:
    return Area.objects.get(slug="kuopio", classification=AreaKind.MUNICIPALITY)


def test_a_kept_text_gives_the_bytes_made_afresh(client):
    group = WeeklyActivityFactory(
        channel=Channel.PLACE, place_name="Perhetalo", municipality=kuopio()
    )
    OccurrenceChangeFactory(event=group, note="Muualla")
    online = EventFactory(start=local(2026, 10, 20, 18), end=local(2026, 10, 20, 20))
    first = feed(client)
    assert FeedText.objects.filter(event__in=[group, online]).count() == 2
    assert feed(client) == first == made_afresh(group, online)


def test_a_long_feed_streams_chunk_by_chunk_in_the_same_bytes(client, monkeypatch):
    events = [WeeklyActivityFactory() for _ in range(5)]
    whole = feed(client)
    monkeypatch.setattr(feed_texts, "CHUNK", 2)
    response = client.get("/tapahtumat.ics", MONTH)
    assert response.streaming
    pieces = list(response.streaming_content)
    assert len(pieces) == 1 + 3 + 1  # the header, three chunks of events, the end
    assert b"".join(pieces) == whole == made_afresh(*events)


def test_a_model_save_changes_the_feed(client):
    group = WeeklyActivityFactory(name="Perhekahvila")
    assert b"SUMMARY:Perhekahvila\r\n" in feed(client)
    group.name = "Vauvakahvila"
    group.save()
    after = feed(client)
    assert b"SUMMARY:Vauvakahvila\r\n" in after and b"Perhekahvila" not in after
    assert after == made_afresh(group)


def test_an_edit_in_the_admin_changes_the_feed(client, django_user_model):
    group = WeeklyActivityFactory(summary="Kahvia ja juttuseuraa")
    assert b"Kahvia ja juttuseuraa" in feed(client)
    editor = django_user_model.objects.create_superuser("toimittaja", "t@example.fi", "x-123")
    ready_for_admin(editor)
    client.force_login(editor)
    page = f"/admin/events/event/{group.pk}/change/"
    form = client.get(page).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data = {k: v.pk if hasattr(v, "pk") else v for k, v in data.items()}
    for name in ("co_organizers", "themes", "target_groups"):
        data[name] = [item.pk if hasattr(item, "pk") else item for item in data.get(name, [])]
    data.update(summary="Lautapelejä ja teetä", **{"changes-TOTAL_FORMS": "0"})
    data.update(first_date=show_date(date(2026, 10, 6)), start_time="17.00", end_time="19.00")
    data.update({"changes-INITIAL_FORMS": "0", "changes-MIN_NUM_FORMS": "0"})
    data = {name: value for name, value in data.items() if value not in (False, "", None)}
    response = client.post(page, {**data, "changes-MAX_NUM_FORMS": "1000"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    after = feed(client)
    assert b"Lautapelej\xc3\xa4 ja teet\xc3\xa4" in after and b"Kahvia ja" not in after


def test_an_occurrence_change_added_and_removed_changes_the_feed(client):
    group = WeeklyActivityFactory()
    assert feed(client).count(b"RECURRENCE-ID") == 0
    change = OccurrenceChangeFactory(event=group, status=EventStatus.CANCELLED, note="Sairas")
    cancelled = feed(client)
    assert cancelled.count(b"RECURRENCE-ID") == 1 and b"Sairas" in cancelled
    change.delete()
    assert feed(client).count(b"RECURRENCE-ID") == 0


def test_a_municipality_renamed_changes_the_feed_even_without_a_signal(client):
    group = WeeklyActivityFactory(channel=Channel.PLACE, place_name="Talo", municipality=kuopio())
    assert b"LOCATION:Talo\\, Kuopio\r\n" in feed(client)
    Area.objects.filter(pk=kuopio().pk).update(name="Kuopion kaupunki")  # no save, no signal
    assert b"LOCATION:Talo\\, Kuopion kaupunki\r\n" in feed(client)
    assert feed(client) == made_afresh(group)


def test_unpublishing_takes_an_event_out_and_publishing_brings_it_back(client):
    group = WeeklyActivityFactory(name="Kuoro")
    assert b"SUMMARY:Kuoro" in feed(client)
    Event.objects.filter(pk=group.pk).update(is_published=False)  # as an admin action would
    assert b"SUMMARY:Kuoro" not in feed(client)
    assert client.get(f"/tapahtumat/{group.slug}.ics").status_code == 404
    Event.objects.filter(pk=group.pk).update(is_published=True)
    assert b"SUMMARY:Kuoro" in feed(client)


def test_the_popolo_import_creating_and_updating_events_changes_the_feed(client):
    popolo_import(json.dumps(event_file()))
    before = feed(client)
    assert b"SUMMARY:Perhekahvila\r\n" in before
    assert FeedText.objects.exists()
    popolo_import(json.dumps(event_file(name="Vauvakahvila")))  # bulk paths, no model save
    after = feed(client)
    assert b"SUMMARY:Vauvakahvila\r\n" in after and b"SUMMARY:Perhekahvila" not in after
    FeedText.objects.all().delete()
    assert feed(client) == after  # what the kept texts said is what is made afresh


def test_each_host_has_its_own_page_addresses(client):
    group = WeeklyActivityFactory()
    here = feed(client)
    there = body(client.get("/tapahtumat.ics", MONTH, headers={"host": "localhost"}))
    assert f"URL:http://testserver/tapahtumat/{group.slug}/".encode() in here
    assert f"URL:http://localhost/tapahtumat/{group.slug}/".encode() in there
    assert feed(client) == here


def test_a_text_that_cannot_be_kept_still_gives_a_right_feed(client, monkeypatch, caplog):
    group = WeeklyActivityFactory()

    def refuse(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(FeedText.objects, "bulk_create", refuse)
    with caplog.at_level(logging.WARNING, logger="jarjestokartta.events.feed_texts"):
        assert feed(client) == made_afresh(group)
    assert not FeedText.objects.exists()
    assert "not kept" in caplog.text


def test_the_cap_counts_events_and_a_feed_at_it_is_answered(client, monkeypatch):
    events = [WeeklyActivityFactory() for _ in range(3)]
    monkeypatch.setattr(calendar_views, "MAX_EVENTS", 3)
    assert feed(client) == made_afresh(*events)
    WeeklyActivityFactory()
    occurrences.store(today=date(2026, 10, 1))
    assert client.get("/tapahtumat.ics", MONTH).status_code == 400
