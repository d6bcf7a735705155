import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jarjestokartta.directory.models import Organization

pytestmark = pytest.mark.django_db


def rows(html: str) -> dict[str, tuple[int, int]]:
    found = re.findall(
        r'<th scope="row"><a href="[^"]*">(.*?)</a></th>\s*'
        r'<td class="number">(\d+)</td>\s*<td class="number">(\d+)</td>',
        html,
    )
    return {name: (int(orgs), int(bodies)) for name, orgs, bodies in found}


def test_the_home_page_lists_the_regions_with_data_in_finnish(client, demo):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fi">' in html
    assert "Järjestöt ja niiden yhteistyö maakunnittain" in html
    table = rows(html)
    assert set(table) == {"Pohjois-Savo", "Pohjois-Karjala", "Keski-Suomi"}
    for organizations, bodies in table.values():
        assert 0 < bodies <= organizations


def test_the_home_page_counts_match_the_region_queries(client, demo):
    from datetime import date

    from jarjestokartta.directory.models import BODY_KINDS
    from jarjestokartta.geography.models import Area

    table = rows(client.get("/").content.decode())
    region = Area.objects.get(popolo_id="maakunta:11")
    in_region = Organization.objects.in_region(region, date.today())
    assert table["Pohjois-Savo"] == (
        in_region.count(),
        in_region.filter(classification__in=BODY_KINDS).count(),
    )


def test_the_home_page_query_count_does_not_grow_with_the_data(client, demo):
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) <= 5


def test_the_home_page_helps_when_there_is_no_data_yet(client):
    html = client.get("/").content.decode()
    assert "Järjestöjä ei ole vielä lisätty" in html
    assert "import_popolo" in html


def test_an_unknown_page_is_a_404(client):
    assert client.get("/ei-ole/").status_code == 404


def test_choosing_a_region_shows_its_cooperation_bodies(client, demo):
    html = client.get("/", {"maakunta": "pohjois-karjala"}).content.decode()
    section = html.split('id="elimet"')[1]
    assert "Pohjois-Karjalan järjestöasiain neuvottelukunta JANE" in section
    assert "Pohjois-Savon järjestöneuvosto" not in section
    assert 'href="/alueet/pohjois-karjala/"' in section


def test_an_unknown_region_choice_is_ignored(client, demo):
    response = client.get("/", {"maakunta": "atlantis"})
    assert response.status_code == 200
    assert 'id="elimet"' not in response.content.decode()
