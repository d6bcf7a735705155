from datetime import date

import pytest

from jarjestokartta.geography.models import Area, AreaKind, AreaLink
from jarjestokartta.geography.reference import load_reference_geography, read_data

pytestmark = pytest.mark.django_db


def municipality(code: str) -> Area:
    return Area.objects.get(classification=AreaKind.MUNICIPALITY, code=code)


def test_it_has_all_308_municipalities_of_2025():
    assert Area.objects.filter(classification=AreaKind.MUNICIPALITY).count() == 308
    assert Area.objects.filter(classification=AreaKind.REGION).count() == 19
    # 21 wellbeing services counties and the City of Helsinki.
    assert Area.objects.filter(classification=AreaKind.WELLBEING_COUNTY).count() == 22


def test_it_uses_official_codes_as_ids():
    kuopio = municipality("297")
    assert kuopio.name == "Kuopio"
    assert kuopio.popolo_id == "kunta:297"
    assert kuopio.code_scheme == "kuntanumero"
    assert Area.objects.get(popolo_id="maakunta:11").name == "Pohjois-Savo"


def test_it_knows_pertunmaa_merged_into_mantyharju_in_2025():
    assert not Area.objects.filter(classification=AreaKind.MUNICIPALITY, code="588").exists()
    assert municipality("507").name == "Mäntyharju"


def test_it_moves_joroinen_from_etela_savo_to_pohjois_savo_on_1_1_2021():
    joroinen = municipality("171")
    assert joroinen.region_on(date(2020, 12, 31)).name == "Etelä-Savo"
    assert joroinen.region_on(date(2021, 1, 1)).name == "Pohjois-Savo"


def test_it_moves_heinavesi_from_etela_savo_to_pohjois_karjala_on_1_1_2021():
    heinavesi = municipality("090")
    assert heinavesi.region_on(date(2020, 12, 31)).name == "Etelä-Savo"
    assert heinavesi.region_on(date(2021, 1, 1)).name == "Pohjois-Karjala"


def test_it_counts_municipalities_of_a_region_as_of_a_day():
    pohjois_savo = Area.objects.get(popolo_id="maakunta:11")

    def count(day: date) -> int:
        return AreaLink.objects.active_on(day).filter(parent=pohjois_savo).count()

    assert count(date(2020, 10, 1)) == 18
    assert count(date(2025, 1, 1)) == 19


def test_it_puts_municipalities_into_wellbeing_counties_from_2023():
    kuopio = municipality("297")
    assert kuopio.parent_on(AreaKind.WELLBEING_COUNTY, date(2022, 12, 31)) is None
    county = kuopio.parent_on(AreaKind.WELLBEING_COUNTY, date(2023, 1, 1))
    assert county.name == "Pohjois-Savon hyvinvointialue"
    assert municipality("090").parent_on(AreaKind.WELLBEING_COUNTY, date(2025, 1, 1)).name == (
        "Pohjois-Karjalan hyvinvointialue"
    )


def test_it_leaves_aland_outside_the_wellbeing_counties():
    mariehamn = municipality("478")
    assert mariehamn.parent_on(AreaKind.WELLBEING_COUNTY, date(2025, 1, 1)) is None
    assert mariehamn.region_on(date(2025, 1, 1)).name == "Ahvenanmaa"


def test_it_can_load_again_without_duplicating_anything():
    areas, links = Area.objects.count(), AreaLink.objects.count()
    load_reference_geography(Area, AreaLink)
    assert (Area.objects.count(), AreaLink.objects.count()) == (areas, links)


def test_the_data_file_says_where_it_came_from():
    data = read_data()
    assert data["version"] == "2025-01-01"
    assert "Statistics Finland" in data["source"]
