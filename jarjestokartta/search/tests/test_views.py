import pytest

pytestmark = pytest.mark.django_db


def test_the_search_page_shows_results_with_the_matches_marked(client, demo):
    html = client.get("/haku/", {"q": "perheentalot"}).content.decode()
    assert '<html lang="fi">' in html
    assert "<mark>perheentalo</mark>" in html.lower()
    assert 'href="/jarjestot/kuopion-perheentalo/"' in html


def test_the_page_is_finnish_whatever_language_the_browser_asks_for(client, demo):
    html = client.get("/haku/", {"q": "JANE"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content
    assert "Hae järjestöjä" in html.decode()
    assert "Search organisations" not in html.decode()


def test_it_offers_a_corrected_query(client, demo):
    html = client.get("/haku/", {"q": "sosiaaliturvayhdistus"}).content.decode()
    assert "Tarkoititko" in html
    assert 'href="?q=sosiaaliturvayhdistys"' in html


def test_facets_are_filters_on_the_page(client, demo):
    html = client.get("/haku/", {"q": "verkosto", "region": "keski-suomi"}).content.decode()
    assert 'name="region" value="keski-suomi" checked' in html
    assert "Maakunta" in html


def test_an_empty_result_helps_the_user_on(client, demo):
    html = client.get("/haku/", {"q": "qwxzv", "region": "keski-suomi"}).content.decode()
    assert "Hakusanalla “qwxzv” ei löytynyt mitään." in html
    assert "Poista rajaukset" in html


def test_the_page_without_a_query_shows_examples(client):
    html = client.get("/haku/").content.decode()
    assert 'href="?q=perheentalot"' in html


def test_a_bad_filter_is_explained_not_an_error_page(client, demo):
    response = client.get("/haku/", {"q": "x", "region": "atlantis"})
    assert response.status_code == 400
    assert "unknown region" in response.content.decode()


def test_an_organisation_page_shows_its_names(client, demo):
    html = client.get("/jarjestot/pohjois-karjalan-jarjestoasiain-neuvottelukunta-jane/").content
    assert "JANE" in html.decode()
    assert client.get("/jarjestot/ei-ole/").status_code == 404


def test_a_count_past_the_bound_is_shown_as_more_than(client, demo, monkeypatch):
    from jarjestokartta.search import engine

    monkeypatch.setattr(engine, "MATCH_BOUND", 2)
    html = client.get("/haku/", {"q": "verkosto"}).content.decode()
    assert "Yli 2 tulosta" in html
    assert "Suodattimien määrät on laskettu näistä 2 osumasta." in html
    # The download has its own, larger bound, grouped as Finnish numbers are.
    assert "(enintään 10\u00a0000)" in html


def test_the_download_ranks_as_many_as_it_holds_past_the_page_bound(client, demo, monkeypatch):
    from jarjestokartta.search import engine

    counted = client.get("/api/v1/search", {"q": "verkosto", "type": "organization"}).json()
    monkeypatch.setattr(engine, "MATCH_BOUND", 2)
    csv = b"".join(client.get("/haku/jarjestot.csv", {"q": "verkosto"}).streaming_content)
    rows = csv.decode("utf-8-sig").strip().splitlines()[1:]
    assert counted["count_exact"] is True
    assert len(rows) == counted["count"] > 2
