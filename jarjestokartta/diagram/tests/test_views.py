"""The diagram page, through Django's test client (its API is tested in api/tests)."""

import pytest

pytestmark = pytest.mark.django_db
PAGE = "/kaavio/"


def test_without_a_choice_the_page_offers_the_regions_that_have_bodies(client, demo):
    response = client.get(PAGE)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'href="?alue=pohjois-savo"' in text
    assert 'href="?alue=lappi"' not in text  # no bodies recorded there
    assert "<svg" not in text


def test_a_region_page_has_the_picture_the_exports_and_the_text(client, demo):
    response = client.get(PAGE, {"alue": "pohjois-savo", "paiva": "2020-10-01"})
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("<svg") == 1 and "<?xml" not in text
    assert 'class="diagram-canvas fit"' in text  # a region-sized picture fits the width
    assert 'xlink:href="/jarjestot/pohjois-savon-jarjestoneuvosto/"' in text
    for fmt in ("diagram.svg?", "diagram.png?", "diagram?"):
        assert f"/api/v1/{fmt}region=pohjois-savo&amp;date=2020-10-01" in text
    outline = text[text.index("Rakenne tekstinä") :]
    council = outline[outline.index(">Pohjois-Savon järjestöneuvosto<") :]
    assert "Asettaja:" in council
    assert "paikka “Lapset ja perheet”" in council
    assert "varajäsen: <a" in council


def test_the_page_answers_htmx_with_just_the_diagram(client, demo):
    response = client.get(PAGE, {"alue": "pohjois-savo"}, headers={"HX-Request": "true"})
    text = response.content.decode()
    assert text.startswith('<div id="kaavio">') and "<html" not in text


def test_a_focus_keeps_the_chosen_depth_in_its_exports(client, demo):
    response = client.get(PAGE, {"keskus": "pohjois-savon-jarjestoneuvosto", "syvyys": "2"})
    text = response.content.decode()
    assert "focus=pohjois-savon-jarjestoneuvosto" in text and "depth=2" in text
    assert '<option value="2" selected>' in text


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"alue": "atlantis"}, 404, "Maakuntaa atlantis ei ole."),
        ({"alue": "pohjois-savo", "paiva": "31.12.2020"}, 400, "ei ole päivämäärä"),
        ({"alue": "pohjois-savo", "syvyys": "9"}, 400, "Syvyyden on oltava"),
        ({"alue": "pohjois-savo", "solmu": "ufo"}, 400, "Tuntematon solmun tyyppi: ufo"),
    ],
)
def test_bad_choices_get_a_finnish_message_not_an_error_page(client, demo, params, status, message):
    response = client.get(PAGE, params)
    assert response.status_code == status
    assert message in response.content.decode()
    assert 'id="alue"' in response.content.decode()  # the controls are still there


def test_a_day_with_nothing_to_draw_says_so(client, demo):
    response = client.get(PAGE, {"keskus": "sakke", "paiva": "2010-01-01"})
    assert "Tällä päivällä ja näillä valinnoilla ei ole piirrettävää" in response.content.decode()


def test_the_page_reads_the_database_a_fixed_number_of_times(
    client, demo, django_assert_num_queries
):
    with django_assert_num_queries(8):
        client.get(PAGE, {"alue": "pohjois-savo", "paiva": "2020-10-01"})
