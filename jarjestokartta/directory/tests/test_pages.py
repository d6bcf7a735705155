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
    with django_assert_max_num_queries(16):
        client.get("/jarjestot/perheentalojen-yhteisollisen-kehittamisen-verkosto/")
