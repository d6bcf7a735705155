"""Importing a coordinator's spreadsheet: recognising, checking, matching and writing."""

import pytest

from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.tests.factories import (
    IdentifierFactory,
    OrganizationFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from jarjestokartta.geography.models import Area
from jarjestokartta.search.service import search_organizations
from jarjestokartta.spreadsheets.columns import BadMapping, parse_mapping
from jarjestokartta.spreadsheets.reading import UnreadableSpreadsheet
from jarjestokartta.spreadsheets.service import organizations_import
from jarjestokartta.spreadsheets.tests.spreadsheet_files import (
    HEADERS_EN,
    HEADERS_FI,
    csv_file,
    xlsx_file,
)

pytestmark = pytest.mark.django_db

OMAISET = [
    "Kuopion Omaiset ry",
    "1000000-4",
    "Kuopio",
    "info@omaiset.fi",
    "040 123 4567",
    "omaiset.fi",
    "Ikääntyneet; Osallisuus",
    "Ikääntyneet",
    "Omaishoitajien vertaistukea Kuopiossa.",
]


@pytest.fixture(autouse=True)
def terms():
    ThemeFactory(name="Ikääntyneet")
    ThemeFactory(name="Osallisuus")
    TargetGroupFactory(name="Ikääntyneet")
    TargetGroupFactory(name="Perheet")


def imported(data: bytes, *, dry_run: bool = False, **options):
    return organizations_import(data=data, filename="jarjestot.csv", dry_run=dry_run, **options)


def kuopio() -> Area:
    return Area.objects.get(classification="municipality", name="Kuopio")


def test_it_imports_a_finnish_excel_csv_with_every_field():
    report = imported(csv_file([HEADERS_FI, OMAISET]))
    assert report.ok and report.written
    org = Organization.objects.get(name="Kuopion Omaiset ry")
    assert org.area == kuopio()
    assert org.classification == "association"
    assert org.abstract == "Omaishoitajien vertaistukea Kuopiossa."
    assert list(org.identifiers.values_list("scheme", "identifier")) == [("ytunnus", "1000000-4")]
    assert sorted(org.contact_details.values_list("type", "value")) == [
        ("email", "info@omaiset.fi"),
        ("phone", "040 123 4567"),
    ]
    assert list(org.links.values_list("url", flat=True)) == ["https://omaiset.fi"]
    assert sorted(org.themes.values_list("name", flat=True)) == ["Ikääntyneet", "Osallisuus"]
    assert list(org.target_groups.values_list("name", flat=True)) == ["Ikääntyneet"]


@pytest.mark.parametrize(
    "data",
    [
        csv_file([HEADERS_FI, OMAISET], bom=True),
        csv_file([HEADERS_FI, OMAISET], bom=False),
        csv_file([HEADERS_EN, OMAISET], delimiter=",", bom=False),
        csv_file([HEADERS_EN, OMAISET], delimiter="\t", bom=False),
        xlsx_file([HEADERS_FI, OMAISET]),
    ],
    ids=["semicolon-bom", "semicolon", "comma-english", "tab", "xlsx"],
)
def test_it_reads_every_format_with_finnish_or_english_headers(data):
    report = imported(data)
    assert report.problems == []
    org = Organization.objects.get(name="Kuopion Omaiset ry")
    assert org.area == kuopio()
    assert org.themes.count() == 2
    assert org.contact_details.count() == 2


def test_excels_sep_line_names_the_delimiter():
    data = b"sep=,\r\nNimi,Kunta\r\nKuopion Kuoro ry,Kuopio\r\n"
    assert imported(data).written
    assert Organization.objects.get(name="Kuopion Kuoro ry").area == kuopio()


def test_headers_are_recognised_whatever_their_case_spaces_and_punctuation():
    headers = ["YHDISTYKSEN NIMI", "y tunnus", "Kotikunta", "sahkoposti", "WWW", "tiivistelmä"]
    row = ["Siilinjärven Eläkkeensaajat ry", "1000001-2", "siilinjärvi", "a@b.fi", "elak.fi", "X"]
    report = imported(csv_file([headers, row]))
    assert report.ok, report.problems
    org = Organization.objects.get(name="Siilinjärven Eläkkeensaajat ry")
    assert (org.area.name, org.abstract) == ("Siilinjärvi", "X")
    assert org.identifiers.get().identifier == "1000001-2"


def test_a_municipality_may_be_named_in_swedish():
    report = imported(csv_file([["Namn", "Kommun"], ["Föreningen i Vasa rf", "Vasa"]]))
    assert report.ok, report.problems
    assert Organization.objects.get(name="Föreningen i Vasa rf").area.name == "Vaasa"


def test_a_mapping_names_a_header_that_is_not_recognised():
    data = csv_file(
        [["Yhdistys", "Kotisivu", "Jäsenmäärä"], ["Kuopion Kuoro ry", "kuoro.fi", "40"]]
    )
    with pytest.raises(BadMapping, match="Nimi"):
        imported(data, dry_run=True)
    report = imported(data, mapping=parse_mapping(["Yhdistys=name"]))
    assert report.written
    assert report.ignored == ["Jäsenmäärä"]
    assert Organization.objects.get(name="Kuopion Kuoro ry").links.get().url == "https://kuoro.fi"


def test_a_mapping_may_name_the_field_by_a_finnish_header():
    data = csv_file([["Yhdistys", "Paikka"], ["Kuopion Kuoro ry", "Kuopio"]])
    report = imported(data, mapping=parse_mapping(["Yhdistys=nimi", "Paikka = Kunta"]))
    assert report.written
    assert Organization.objects.get(name="Kuopion Kuoro ry").area == kuopio()


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["Yhdistys"], "OTSIKKO=kenttä"),
        (["Yhdistys=jäsenmäärä"], "ei ole kenttä"),
        (["Nimi=name", "Puuttuva=phone"], "“Puuttuva”"),
    ],
)
def test_a_bad_mapping_is_refused_with_a_message(lines, message):
    with pytest.raises(BadMapping, match=message):
        imported(csv_file([["Nimi"], ["A ry"]]), mapping=parse_mapping(lines))


def test_a_dry_run_writes_nothing_and_lists_what_would_happen():
    existing = OrganizationFactory(name="Kuopion Omaiset ry", area=kuopio(), abstract="Vanha.")
    new = ["Kuopion Kuoro ry", "", "Kuopio", "", "", "", "", "", ""]
    before = Organization.history.count()
    report = imported(csv_file([HEADERS_FI, OMAISET, new]), dry_run=True)
    assert report.ok and not report.written
    assert [values.name for values in report.plan.creations] == ["Kuopion Kuoro ry"]
    (update,) = report.plan.updates
    assert update.organization == existing
    changes = {change.field: (change.old, change.new) for change in update.changes}
    assert changes["abstract"] == ("Vanha.", "Omaishoitajien vertaistukea Kuopiossa.")
    assert changes["ytunnus"] == ("", "1000000-4")
    assert changes["email"] == ("", "info@omaiset.fi")
    assert not Organization.objects.filter(name="Kuopion Kuoro ry").exists()
    existing.refresh_from_db()
    assert existing.abstract == "Vanha."
    assert existing.identifiers.count() == 0 and existing.contact_details.count() == 0
    assert Organization.history.count() == before


def test_one_bad_row_means_nothing_is_written_and_every_problem_is_reported():
    rows = [
        HEADERS_FI,
        OMAISET,
        ["", "", "Kuopio", "", "", "", "", "", ""],
        ["Huono ry", "1234567-8", "Kuopoi", "ei-osoite", "abc", "http://", "Ikäänteneet", "Lapset",
         ""],
        ["Kuopion Omaiset ry", "", "Kuopio", "", "", "", "", "", ""],
    ]  # fmt: skip
    report = imported(csv_file(rows))
    assert not report.written
    found = {(problem.row, problem.column) for problem in report.problems}
    assert found == {
        (3, "Nimi"),
        (4, "Y-tunnus"),
        (4, "Kunta"),
        (4, "Sähköposti"),
        (4, "Puhelin"),
        (4, "Verkkosivut"),
        (4, "Teemat"),
        (4, "Kohderyhmät"),
        (5, "Nimi"),
    }
    messages = {(problem.row, problem.column): problem.message for problem in report.problems}
    assert "Ikääntyneet" in messages[(4, "Teemat")]  # the nearest known theme is suggested
    assert "Kuopio" in messages[(4, "Kunta")]
    assert messages[(5, "Nimi")] == "Sama organisaatio on jo rivillä 2."
    assert not Organization.objects.exists()


def test_an_organisation_is_matched_by_its_ytunnus_and_updated_not_duplicated():
    org = IdentifierFactory(
        identifier="1000000-4", organization__name="Kuopion Omaiset", organization__area=None
    ).organization
    report = imported(csv_file([HEADERS_FI, OMAISET]))
    assert [update.organization for update in report.plan.updates] == [org]
    assert Organization.objects.count() == 1
    org.refresh_from_db()
    assert (org.name, org.area) == ("Kuopion Omaiset ry", kuopio())
    assert org.identifiers.count() == 1


def test_an_organisation_is_matched_by_its_exact_name_and_municipality():
    org = OrganizationFactory(name="Kuopion Omaiset ry", area=kuopio())
    elsewhere = OrganizationFactory(name="Kuopion Omaiset ry", area=None)
    imported(csv_file([HEADERS_FI, OMAISET]))
    assert Organization.objects.count() == 2
    assert org.identifiers.get().identifier == "1000000-4"
    assert elsewhere.identifiers.count() == 0


def test_a_different_ytunnus_on_a_name_match_is_a_problem_not_a_change():
    IdentifierFactory(
        identifier="1000002-0",
        organization__name="Kuopion Omaiset ry",
        organization__area=kuopio(),
    )
    report = imported(csv_file([HEADERS_FI, OMAISET]))
    assert [(problem.row, problem.column) for problem in report.problems] == [(2, "Y-tunnus")]
    assert "1000002-0" in report.problems[0].message


def test_empty_cells_keep_the_existing_values_and_contacts_are_added_once():
    org = OrganizationFactory(
        name="Kuopion Omaiset ry", area=kuopio(), abstract="Pidetään.", classification="foundation"
    )
    org.contact_details.create(type="phone", value="+358 40 1234567")
    org.links.create(url="https://www.omaiset.fi/")
    org.themes.add(ThemeFactory(name="Osallisuus"))
    row = ["Kuopion Omaiset ry", "", "", "uusi@omaiset.fi", "040 123 4567", "omaiset.fi",
           "Osallisuus", "", ""]  # fmt: skip
    report = imported(csv_file([HEADERS_FI, row]))
    assert report.written
    org.refresh_from_db()
    assert (org.abstract, org.classification, org.area) == ("Pidetään.", "foundation", kuopio())
    assert sorted(org.contact_details.values_list("value", flat=True)) == [
        "+358 40 1234567",
        "uusi@omaiset.fi",
    ]
    assert org.links.count() == 1
    assert org.themes.count() == 1
    # Re-importing the same file changes nothing more.
    again = imported(csv_file([HEADERS_FI, row]))
    assert again.plan.updates == [] and len(again.plan.unchanged) == 1


def test_the_history_records_the_import_as_the_reason_for_created_and_updated():
    org = OrganizationFactory(name="Kuopion Omaiset ry", area=kuopio())
    new = ["Kuopion Kuoro ry", "", "Kuopio", "", "", "", "", "", ""]
    imported(csv_file([HEADERS_FI, OMAISET, new]))
    latest = org.history.latest()
    assert (latest.history_type, latest.history_change_reason) == (
        "~",
        "taulukkotuonti: jarjestot.csv",
    )
    created = Organization.objects.get(name="Kuopion Kuoro ry").history.get()
    assert (created.history_type, created.history_change_reason) == (
        "+",
        "taulukkotuonti: jarjestot.csv",
    )


def test_a_kind_column_sets_the_classification():
    data = csv_file(
        [
            ["Nimi", "Tyyppi"],
            ["Kuopion säätiö", "säätiö"],
            ["Verkosto", "network"],
            ["Valmisteleva ryhmä", "Työryhmä"],
            ["Kuopion kaupunki", "julkinen toimija"],
        ]
    )
    assert imported(data).written
    assert Organization.objects.get(name="Kuopion säätiö").classification == "foundation"
    assert Organization.objects.get(name="Verkosto").classification == "network"
    assert Organization.objects.get(name="Valmisteleva ryhmä").classification == "working_group"
    assert Organization.objects.get(name="Kuopion kaupunki").classification == "public_body"


def test_search_finds_an_imported_organisation():
    imported(csv_file([HEADERS_FI, OMAISET]))
    page = search_organizations(q="omaishoitajien vertaistuki", chosen={})
    assert [result["name"] for result in page.results] == ["Kuopion Omaiset ry"]


def test_the_same_organisation_twice_by_ytunnus_is_a_problem():
    twice = [*OMAISET[:0], "Toinen nimi ry", "1000000-4", "", "", "", "", "", "", ""]
    report = imported(csv_file([HEADERS_FI, OMAISET, twice]))
    assert [(problem.row, problem.column) for problem in report.problems] == [(3, "Y-tunnus")]


def test_a_preview_that_no_longer_matches_the_data_writes_nothing():
    data = csv_file([HEADERS_FI, OMAISET])
    preview = imported(data, dry_run=True)
    OrganizationFactory(name="Kuopion Omaiset ry", area=kuopio())
    report = imported(data, expected_digest=preview.digest)
    assert report.stale and not report.written
    assert Organization.objects.count() == 1
    assert imported(data, expected_digest=report.digest).written


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Nimi;Kunta\nHäme ry;Hämeenlinna\n".encode("cp1252"), "Windows-1252"),
        (b"", "tyhjä"),
        (b"PK\x03\x04 not really a workbook", "XLSX-tiedosto on vioittunut"),
        (b"\xd0\xcf\x11\xe0 old excel", ".xls"),
        (b"Nimi\x00\x01\x02", "ei ole CSV-tiedosto"),
        ("Nimi\n" + "A ry\n" * 5001, "yli 5000 organisaatioriviä"),
        (b"x" * (5 * 1024 * 1024 + 1), "liian suuri"),
    ],
    ids=["cp1252", "empty", "broken-xlsx", "xls", "binary", "too-many-rows", "too-large"],
)
def test_an_unreadable_file_gets_a_clear_message(data, message):
    if isinstance(data, str):
        data = data.encode()
    with pytest.raises(UnreadableSpreadsheet, match=message):
        imported(data, dry_run=True)


def test_a_sheet_of_a_workbook_may_be_chosen():
    data = xlsx_file([["Nimi"], ["Kuopion Kuoro ry"]], sheet="Toinen")
    with pytest.raises(UnreadableSpreadsheet, match="Toinen"):
        imported(data, sheet="Ensimmäinen")
    assert imported(data, sheet="Toinen").written
