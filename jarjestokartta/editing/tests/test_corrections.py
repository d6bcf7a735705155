"""'Ilmoita korjaus': anyone may send one, robots may not, and it reaches the coordinator."""

from unittest import mock

import pytest
from django.core import mail

from jarjestokartta.editing import corrections
from jarjestokartta.editing.models import ChangeSet


def form_page(client, org):
    page = client.get(f"/jarjestot/{org.slug}/korjaus/").content.decode()
    started = page.split('name="started" value="')[1].split('"')[0]
    return page, started


def later(seconds: int):
    import time

    return mock.patch("django.core.signing.time.time", return_value=time.time() + seconds)


def test_anyone_reports_a_correction_and_the_coordinator_hears(
    client, mll_kuopio, coordinator_pohjois_savo
):
    page, started = form_page(client, mll_kuopio)
    assert "Ilmoita korjaus" in page
    with later(10):
        response = client.post(
            f"/jarjestot/{mll_kuopio.slug}/korjaus/",
            {"message": "Kokoontumispaikka on muuttanut.", "email": "", "started": started},
        )
    assert response.status_code == 302
    correction = ChangeSet.objects.get()
    assert (correction.kind, correction.author, correction.message) == (
        "correction",
        None,
        "Kokoontumispaikka on muuttanut.",
    )
    [message] = mail.outbox
    assert message.to == [coordinator_pohjois_savo.email]
    assert "Kokoontumispaikka on muuttanut." in message.body

    mail.outbox.clear()
    client.force_login(coordinator_pohjois_savo)
    assert "Korjausehdotus" in client.get("/koordinaattori/muutokset/").content.decode()
    client.post(f"/koordinaattori/muutokset/{correction.pk}/", {"action": "approve"})
    correction.refresh_from_db()
    assert correction.status == "approved"
    assert not mail.outbox  # no address was given, so no one to tell


def test_the_reporter_who_gave_an_address_hears_the_outcome(
    client, mll_kuopio, coordinator_pohjois_savo
):
    _page, started = form_page(client, mll_kuopio)
    with later(10):
        client.post(
            f"/jarjestot/{mll_kuopio.slug}/korjaus/",
            {
                "message": "Puhelinnumero on väärä.",
                "email": "aino@esimerkki.fi",
                "started": started,
            },
        )
    correction = ChangeSet.objects.get()
    mail.outbox.clear()
    client.force_login(coordinator_pohjois_savo)
    client.post(f"/koordinaattori/muutokset/{correction.pk}/", {"action": "approve"})
    assert [m.to for m in mail.outbox] == [["aino@esimerkki.fi"]]


@pytest.mark.parametrize(
    ("extra", "seconds", "expected"),
    [
        ({"website": "http://spam.example"}, 10, "Ilmoitusta ei voitu lähettää."),
        ({}, 0, "Olipa nopeaa!"),
        ({}, 2 * 86400, "Lomake ehti vanhentua"),
        ({"started": "väärennetty"}, 10, "Lomake ehti vanhentua"),
        ({"message": ""}, 10, "Tämä kenttä vaaditaan."),
        ({"email": "ei-osoite"}, 10, "Syötä kelvollinen sähköpostiosoite."),
    ],
)
def test_robots_and_bad_input_are_turned_away_in_finnish(
    client, mll_kuopio, extra, seconds, expected
):
    _page, started = form_page(client, mll_kuopio)
    data = {"message": "Korjattavaa", "email": "", "started": started, **extra}
    with later(seconds):
        response = client.post(f"/jarjestot/{mll_kuopio.slug}/korjaus/", data)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not ChangeSet.objects.exists()


def test_one_address_sends_at_most_a_few_an_hour(client, mll_kuopio):
    for _ in range(corrections.PER_HOUR + 1):
        _page, started = form_page(client, mll_kuopio)
        with later(10):
            response = client.post(
                f"/jarjestot/{mll_kuopio.slug}/korjaus/",
                {"message": "Korjattavaa", "email": "", "started": started},
            )
    assert "Osoitteestasi on tullut liian monta ilmoitusta" in response.content.decode()
    assert ChangeSet.objects.count() == corrections.PER_HOUR
