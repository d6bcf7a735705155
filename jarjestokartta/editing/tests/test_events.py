"""An organisation's editors keep its activities and events in the site's own form."""

from django.test import Client

from jarjestokartta.editing.tests.helpers import form_fields
from jarjestokartta.events.models import Event
from jarjestokartta.roles.tests.conftest import area


def new_event(client, org, **changes):
    data = form_fields(client.get(f"/jarjestot/{org.slug}/toiminta/uusi/").content.decode())
    data.update(
        {
            "kind": "activity",
            "name": "Perhekahvila",
            "summary": "Kahvia ja leikkiä",
            "first_date": "5.1.2027",
            "start_time": "10.00",
            "end_time": "12.00",
            "repeat": "weekly",
            "weekdays": ["TU"],
            "interval": "1",
            "ends": "never",
            "channel": "place",
            "place_name": "Kirjaston kerhohuone",
            "municipality": str(area("Kuopio").pk),
            "registration": "not_needed",
            "status": "scheduled",
            "is_published": "on",
            "is_free": "on",
        }
    )
    data.update(changes)
    return client.post(f"/jarjestot/{org.slug}/toiminta/uusi/", data)


def test_an_editor_adds_a_weekly_activity_that_is_public_at_once(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    response = new_event(client, mll_kuopio)
    assert response.status_code == 302, response.content.decode()[-3000:]
    event = Event.objects.get()
    assert (event.organizer, event.slug, event.is_published) == (mll_kuopio, "perhekahvila", True)
    assert event.rrule == "FREQ=WEEKLY;BYDAY=TU"
    assert event.history.latest().history_user == editor_of_mll
    client.logout()
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/").content.decode()
    assert "Perhekahvila" in page


def test_a_draft_is_not_public_and_bad_times_get_finnish_messages(
    client, editor_of_mll, mll_kuopio
):
    client.force_login(editor_of_mll)
    bad = new_event(client, mll_kuopio, end_time="9.00")
    assert bad.status_code == 200
    assert "Loppu on ennen alkua" in bad.content.decode()
    assert not Event.objects.exists()
    new_event(client, mll_kuopio, is_published="", name="Suunnitteilla")
    draft = Event.objects.get()
    assert not draft.is_published
    assert client.get(f"/tapahtumat/{draft.slug}/").status_code == 404


def test_a_meeting_of_a_body_is_not_offered_to_editors(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    page = client.get(f"/jarjestot/{mll_kuopio.slug}/toiminta/uusi/").content.decode()
    assert 'value="meeting"' not in page
    response = new_event(client, mll_kuopio, kind="meeting")
    assert response.status_code == 200 and not Event.objects.exists()


def test_a_stale_form_shows_both_versions_and_saves_only_when_sent_again(
    client, editor_of_mll, coordinator_pohjois_savo, mll_kuopio
):
    client.force_login(editor_of_mll)
    new_event(client, mll_kuopio)
    event = Event.objects.get()
    page = f"/jarjestot/{mll_kuopio.slug}/toiminta/{event.slug}/"
    mine = form_fields(client.get(page).content.decode())
    other = Client()
    other.force_login(coordinator_pohjois_savo)
    theirs = form_fields(other.get(page).content.decode())
    theirs["place_name"] = "Nuorisotalo"
    assert other.post(page, theirs).status_code == 302

    mine["summary"] = "Kahvia, leikkiä ja vertaistukea"
    stale = client.post(page, mine)
    assert stale.status_code == 409
    text = stale.content.decode()
    assert "Nuorisotalo" in text and "Kirjaston kerhohuone" in text
    event.refresh_from_db()
    assert (event.place_name, event.summary) == ("Nuorisotalo", "Kahvia ja leikkiä")

    again = form_fields(text)
    assert client.post(page, again).status_code == 302
    event.refresh_from_db()
    assert event.summary == "Kahvia, leikkiä ja vertaistukea"


def test_only_the_organisations_people_edit_its_events(
    client, editor_of_mll, coordinator_pohjois_karjala, signed_in, mll_kuopio
):
    client.force_login(editor_of_mll)
    new_event(client, mll_kuopio)
    event = Event.objects.get()
    page = f"/jarjestot/{mll_kuopio.slug}/toiminta/{event.slug}/"
    data = {**form_fields(client.get(page).content.decode()), "name": "Kaapattu"}
    for user in (coordinator_pohjois_karjala, signed_in):
        client.force_login(user)
        assert client.get(f"/jarjestot/{mll_kuopio.slug}/toiminta/").status_code == 403
        assert client.post(f"/jarjestot/{mll_kuopio.slug}/toiminta/uusi/", data).status_code == 403
        assert client.post(page, data).status_code == 403
    assert list(Event.objects.values_list("name", flat=True)) == ["Perhekahvila"]


def test_a_preview_shows_the_entry_and_saves_nothing(client, editor_of_mll, mll_kuopio):
    client.force_login(editor_of_mll)
    response = new_event(client, mll_kuopio, preview="1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Esikatselu: ei vielä tallennettu" in page
    assert "tiistaisin klo 10–12" in page and "Kirjaston kerhohuone" in page
    assert not Event.objects.exists()
