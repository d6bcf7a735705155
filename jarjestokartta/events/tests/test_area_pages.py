"""The region and municipality pages: organisations at home or at work in an area."""

import pytest
from django.urls import reverse

from jarjestokartta.directory.tests.factories import BodyFactory, OrganizationFactory
from jarjestokartta.geography.models import Area, AreaKind

pytestmark = pytest.mark.django_db


def test_the_addresses_are_those_of_before_the_move_to_the_directory():
    assert reverse("area", args=["pohjois-savo"]) == "/alueet/pohjois-savo/"
    assert reverse("area-download", args=["kuopio", "csv"]) == "/alueet/kuopio/jarjestot.csv"


def test_a_region_page_lists_its_organisations_and_its_bodies(client, demo):
    response = client.get("/alueet/pohjois-savo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Pohjois-Savo</h1>" in html
    bodies = html.split('id="elimet-otsikko"')[1].split('id="jarjestot-otsikko"')[0]
    assert "Pohjois-Savon järjestöneuvosto" in bodies
    assert "Kuopion perheentalo" in html.split('id="jarjestot"')[1]


def test_a_region_page_offers_its_municipalities_as_a_filter(client, demo):
    html = client.get("/alueet/pohjois-savo/").content.decode()
    assert '<option value="siilinjarvi">Siilinjärvi</option>' in html


def test_a_municipality_page_names_its_region_and_lists_what_is_there(client, demo):
    html = client.get("/alueet/siilinjarvi/").content.decode()
    assert '<a href="/alueet/pohjois-savo/">Pohjois-Savo</a>' in html
    listed = html.split('id="jarjestot"')[1]
    assert "Siilinjärven perheentalo" in listed
    assert "Kuopion perheentalo" not in listed


def test_an_organisation_operating_in_an_area_is_listed_there_too(client):
    kuopio = Area.objects.get(slug="kuopio", classification=AreaKind.MUNICIPALITY)
    siilinjarvi = Area.objects.get(slug="siilinjarvi")
    travelling = OrganizationFactory(name="Kiertävä yhdistys ry", area=siilinjarvi)
    travelling.operating_areas.add(kuopio)
    BodyFactory(name="Kuopion verkosto", area=kuopio)
    html = client.get("/alueet/kuopio/").content.decode()
    assert "Kiertävä yhdistys ry" in html
    assert "Kuopion verkosto" in html.split('id="elimet-otsikko"')[1]


def test_the_filters_narrow_the_list(client, demo):
    html = client.get("/alueet/pohjois-savo/", {"tyyppi": "network"}).content.decode()
    listed = html.split('id="jarjestot"')[1]
    assert "Pohjois-Savon lapsiasiaverkosto" in listed
    assert "Kuopion perheentalo" not in listed


def test_unknown_filter_values_are_ignored_rather_than_an_error(client, demo):
    response = client.get(
        "/alueet/pohjois-savo/", {"tyyppi": "ufo", "jarjestys": "x", "kunta": "atlantis"}
    )
    assert response.status_code == 200
    assert "Kuopion perheentalo" in response.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(client, demo):
    response = client.get("/alueet/pohjois-savo/", {"sivu": "999"})
    assert response.status_code == 200
    assert response.content.decode().count('<li>\n      <h3><a href="/jarjestot/') > 0


def test_htmx_gets_only_the_list(client, demo):
    response = client.get("/alueet/pohjois-savo/", {"tyyppi": "network"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="jarjestot"')
    assert "<h1>" not in html


@pytest.mark.parametrize("slug", ["atlantis", "ita-uudenmaan-hyvinvointialue"])
def test_an_unknown_area_or_one_without_a_page_is_a_404(client, demo, slug):
    # A wellbeing services county exists in the geography but has no page of its own.
    assert Area.objects.filter(slug=slug).exists() == (slug != "atlantis")
    assert client.get(f"/alueet/{slug}/").status_code == 404
    assert client.get(f"/alueet/{slug}/jarjestot.csv").status_code == 404


def test_the_page_query_count_does_not_grow_with_the_list(
    client, demo, django_assert_max_num_queries
):
    """8 for the area, its municipalities, organisations, bodies and filters (the bound was 10
    before issue 14), and 1 for this week's occurrences with their events."""
    from jarjestokartta.events.occurrences import store
    from jarjestokartta.events.tests.factories import WeeklyActivityFactory

    kuopio = Area.objects.get(slug="kuopio", classification=AreaKind.MUNICIPALITY)
    WeeklyActivityFactory.create_batch(
        3, channel="place", online_url="", municipality=kuopio, rrule="FREQ=DAILY"
    )
    store()
    with django_assert_max_num_queries(9):
        client.get("/alueet/pohjois-savo/")
