import json
import re

import pytest

pytestmark = pytest.mark.django_db
COUNCIL = "/jarjestot/pohjois-savon-jarjestoneuvosto/"


def test_a_body_page_shows_its_members_as_of_a_chosen_day(client, demo):
    html = client.get(COUNCIL, {"paiva": "2020-10-01"}).content.decode()
    assert "Tilanne 1.10.2020" in html
    assert "Nimeävä taho" in html and "Pohjois-Savon maakuntahallitus" in html
    assert "Lapset ja perheet -teeman varajäsen" in html
    assert (
        "HYTE-tiimi"
        not in html.split('id="kokoonpano"')[1].split("</details>")[0].split("<details")[0]
    )


def test_a_body_page_lists_its_seats_with_their_holders(client, demo):
    html = client.get(COUNCIL, {"paiva": "2020-10-01"}).content.decode()
    seats = html.split('<dl class="seats">')[1].split("</dl>")[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", seats))
    assert "Lapset ja perheet" in text
    assert "Pohjois-Savon lapsiasiaverkosto (Lapset ja perheet -teeman jäsen) · jäsen" in text
    assert "Pohjois-Savon lapsiasiaverkosto (Lapset ja perheet -teeman varajäsen) · varajäsen" in (
        text
    )


def test_a_later_day_shows_the_members_who_joined_since(client, demo):
    html = client.get(COUNCIL, {"paiva": "2021-06-01"}).content.decode()
    assert "Pohjois-Savon HYTE-tiimi" in html


def test_a_bad_day_falls_back_to_today_and_says_so(client, demo):
    response = client.get(COUNCIL, {"paiva": "eilen"})
    assert response.status_code == 200
    assert "“eilen” ei ole päivämäärä" in response.content.decode()


def test_htmx_gets_only_the_roster(client, demo):
    response = client.get(COUNCIL, {"paiva": "2020-10-01"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="kokoonpano">')
    assert "<html" not in html


def test_private_persons_are_not_named(client, demo):
    html = client.get("/jarjestot/tulevaisuuden-posote20-hanke/", {"paiva": "2021-01-01"}).content
    text = html.decode()
    assert "POSOTE20-hankkeen LAPE-asiantuntija" not in text
    assert "ei ole antanut lupaa nimensä julkaisuun" in text


def test_public_persons_are_named(client, demo):
    html = client.get(
        "/jarjestot/sakke-pohjois-savon-jarjestoyhteistyon-kehittamishanke/",
        {"paiva": "2018-06-01"},
    ).content.decode()
    assert "Anne Aholainen" in html and "Projektipäällikkö" in html
    assert "Hallinnoija" in html and "Rahoittaja" in html


def test_email_addresses_are_not_written_whole(client, demo):
    from jarjestokartta.directory.models import Organization, OrganizationContact

    org = Organization.objects.get(popolo_id="pssotu")
    OrganizationContact.objects.create(organization=org, type="email", value="info@pssotu.fi")
    html = client.get("/jarjestot/pohjois-savon-sosiaaliturvayhdistys-ry/").content.decode()
    assert "info@pssotu.fi" not in html
    assert re.search(r'data-user="info" data-domain="pssotu.fi"', html)
    vcard = client.get("/jarjestot/pohjois-savon-sosiaaliturvayhdistys-ry/vcard/")
    assert vcard["Content-Type"] == "text/vcard; charset=utf-8"
    assert "EMAIL;TYPE=INTERNET:info@pssotu.fi" in vcard.content.decode()


def test_the_page_carries_schema_org_json_ld(client, demo):
    html = client.get("/jarjestot/pohjois-savon-sosiaaliturvayhdistys-ry/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "NGO"
    assert data["name"] == "Pohjois-Savon Sosiaaliturvayhdistys ry"
    assert data["alternateName"] == ["PSSotu"]


def test_the_organisation_page_query_count_is_pinned(client, demo, django_assert_max_num_queries):
    """15 for the record and its seats (the bound was 16 before issue 14), and issue 14's
    four: the events it arranges and their occurrence changes, and the body's meetings and
    their changes, whatever their number (the changes are prefetched only when there are
    events, so some are made here)."""
    from jarjestokartta.directory.models import Organization
    from jarjestokartta.events.tests.factories import MeetingFactory, WeeklyActivityFactory

    network = Organization.objects.get(slug="perheentalojen-yhteisollisen-kehittamisen-verkosto")
    WeeklyActivityFactory.create_batch(3, organizer=network)
    MeetingFactory.create_batch(3, body=network)
    with django_assert_max_num_queries(19):
        client.get("/jarjestot/perheentalojen-yhteisollisen-kehittamisen-verkosto/")


def test_the_page_links_the_same_organisation_as_json(client, demo, demo_data):
    html = client.get(COUNCIL).content.decode()
    link = re.search(r'href="(/api/v1/organizations/[^"]+)" type="application/json"', html).group(1)
    record = client.get(link).json()
    expected = next(o for o in demo_data["organizations"] if o["id"] == record["id"])
    assert record == expected


def test_the_organisation_api_finds_by_slug_too_and_answers_404_in_json(client, demo):
    assert client.get("/api/v1/organizations/pohjois-savon-jarjestoneuvosto").json()["id"] == (
        "pohjois-savon-jarjestoneuvosto"
    )
    missing = client.get("/api/v1/organizations/ei-ole")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no organisation with id or slug 'ei-ole'"}


def test_a_project_has_a_project_period_and_a_body_s_members_a_period(client, demo):
    from jarjestokartta.directory.models import Organization

    project = Organization.objects.get(popolo_id="sakke")
    assert "<dt>Hankekausi</dt>" in client.get(project.get_absolute_url()).content.decode()
    roster = client.get(COUNCIL, {"paiva": "2020-10-01"}).content.decode()
    assert '<th scope="col">Kausi</th>' in roster and "Hankekausi" not in roster
