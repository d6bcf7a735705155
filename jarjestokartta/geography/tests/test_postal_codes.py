import csv
import json

import pytest

from jarjestokartta.geography import postal_codes
from jarjestokartta.geography.postal_codes import (
    PostalCode,
    is_postal_code,
    known,
    lookup,
    municipality_code,
)
from jarjestokartta.geography.reference import DATA_FILE as AREAS_FILE


@pytest.mark.parametrize(
    ("postal_code", "code", "name"),
    [
        ("70100", "297", "Kuopio"),
        ("00100", "091", "Helsinki"),
        ("71800", "749", "Siilinjärvi"),
        ("80100", "167", "Joensuu"),
    ],
)
def test_it_finds_the_municipality_of_a_postal_code(postal_code, code, name):
    assert municipality_code(postal_code) == code
    entry = lookup(postal_code)
    assert entry is not None
    assert entry.municipality_fi == name


def test_it_gives_the_whole_entry_with_posti_and_statistics_finland_names():
    assert lookup("00100") == PostalCode(
        code="00100",
        name_fi="HELSINKI",
        name_sv="HELSINGFORS",
        municipality_code="091",
        municipality_fi="Helsinki",
        municipality_sv="Helsingfors",
        kind="normal",
    )


@pytest.mark.parametrize("value", ["00000", "12345", "09990"])
def test_it_knows_nothing_of_a_five_digit_code_posti_does_not_list(value):
    assert is_postal_code(value)
    assert not known(value)
    assert municipality_code(value) is None
    assert lookup(value) is None


def test_it_knows_99999_as_korvatunturi_in_rovaniemi():
    # Not a made-up code: Posti lists it (Santa Claus's), so it cannot stand for "unknown".
    assert municipality_code("99999") == "698"


@pytest.mark.parametrize(
    "value", ["7010", "701000", "abcde", "70 100", "FI-70100", "", "٧٠١٠٠", "70100\n5"]
)
def test_it_refuses_what_is_not_written_as_a_postal_code(value):
    assert not is_postal_code(value)
    assert not known(value)
    assert municipality_code(value) is None


def test_it_forgives_the_whitespace_around_a_pasted_postal_code():
    assert is_postal_code(" 70100 ")
    assert known("\t70100\n")
    assert municipality_code(" 70100 ") == "297"


def test_it_gives_pertunmaa_codes_to_mantyharju_after_the_merger_of_2025():
    entry = lookup("19430")
    assert entry is not None
    assert (entry.name_fi, entry.municipality_code, entry.municipality_fi) == (
        "PERTUNMAA",
        "507",
        "Mäntyharju",
    )


def test_it_tells_an_area_code_from_a_po_box_and_a_parcel_locker():
    area, po_box, locker = lookup("70100"), lookup("70101"), lookup("19414")
    assert area is not None and area.has_street_addresses
    assert po_box is not None and po_box.kind == "po_box" and not po_box.has_street_addresses
    assert locker is not None and locker.kind == "parcel_locker"
    # Still in a municipality: a PO box code is known, and where it is.
    assert po_box.municipality_code == "297"


def test_it_uses_only_municipality_codes_and_names_of_the_2025_areas():
    areas = json.loads(AREAS_FILE.read_text(encoding="utf-8"))
    municipalities = {m["code"]: m for m in areas["municipalities"]}
    entries = postal_codes.all_postal_codes()
    assert len(entries) > 3000
    strangers = {e.municipality_code for e in entries} - set(municipalities)
    assert strangers == set()
    for entry in entries:
        municipality = municipalities[entry.municipality_code]
        assert entry.municipality_fi == municipality["name_fi"]
        assert entry.municipality_sv == (municipality.get("name_sv") or "")


def test_it_has_a_postal_code_for_every_2025_municipality():
    areas = json.loads(AREAS_FILE.read_text(encoding="utf-8"))
    with_codes = {entry.municipality_code for entry in postal_codes.all_postal_codes()}
    assert {m["code"] for m in areas["municipalities"]} <= with_codes


def test_it_ships_the_file_sorted_with_one_row_per_well_formed_code():
    with open(postal_codes.DATA_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = [row["postal_code"] for row in rows]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert all(is_postal_code(code) for code in codes)
    assert all(len(row["municipality_code"]) == 3 for row in rows)
    assert {row["kind"] for row in rows} <= {
        "normal",
        "po_box",
        "company",
        "compilation",
        "reply_mail",
        "parcel_locker",
        "pickup_point",
    }


def test_it_reads_the_file_once():
    postal_codes._postal_codes.cache_clear()
    lookup("70100")
    lookup("00100")
    known("80100")
    assert postal_codes._postal_codes.cache_info().misses == 1
