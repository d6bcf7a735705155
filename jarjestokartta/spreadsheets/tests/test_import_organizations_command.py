"""`manage.py import_organizations`: a thin command over the spreadsheet import."""

from pathlib import Path

import pytest
from django.core.management import call_command, execute_from_command_line
from django.db import connections

from jarjestokartta.directory.models import Organization
from jarjestokartta.directory.tests.factories import OrganizationFactory
from jarjestokartta.spreadsheets.tests.spreadsheet_files import csv_file, xlsx_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _connections_stay_open(monkeypatch):
    # run_from_argv closes the database connections when the command ends, which on
    # PostgreSQL would end the test's transaction too.
    monkeypatch.setattr(connections, "close_all", lambda: None)


def run(*args: str) -> int:
    """The command as a shell runs it: its exit status."""
    try:
        execute_from_command_line(["manage.py", "import_organizations", "--no-progress", *args])
    except SystemExit as exit:
        return int(exit.code or 0)
    return 0


@pytest.fixture
def good_file(tmp_path) -> Path:
    path = tmp_path / "jarjestot.csv"
    path.write_bytes(
        csv_file([["Nimi", "Kunta", "Jäsenmäärä"], ["Kuopion Kuoro ry", "Kuopio", "40"]])
    )
    return path


def test_it_imports_a_file_and_says_how_many(good_file, capsys):
    assert run(str(good_file)) == 0
    out = capsys.readouterr().out
    assert "Luotiin 1, päivitettiin 0, ennallaan 0." in out
    assert "Sarakkeet, joita ei tuoda: Jäsenmäärä" in out
    assert Organization.objects.get(name="Kuopion Kuoro ry").area.name == "Kuopio"


def test_a_dry_run_lists_what_would_change_and_writes_nothing(good_file, capsys):
    existing = OrganizationFactory(name="Kuopion Kuoro ry", abstract="Vanha.")
    good_file.write_bytes(
        csv_file([["Nimi", "Kuvaus"], ["Kuopion Kuoro ry", "Uusi."], ["Uusi ry", ""]])
    )
    assert run(str(good_file), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Luotaisiin: rivi 3: Uusi ry" in out
    assert "Päivitettäisiin: rivi 2: Kuopion Kuoro ry" in out
    assert "tiivistelmä: Vanha. → Uusi." in out
    assert "Luotaisiin 1, päivitettäisiin 1, ennallaan 0, ongelmia 0." in out
    existing.refresh_from_db()
    assert existing.abstract == "Vanha."
    assert Organization.objects.count() == 1


def test_problems_go_to_stderr_with_exit_status_1_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "huono.csv"
    path.write_bytes(csv_file([["Nimi", "Sähköposti"], ["Hyvä ry", ""], ["", "ei-osoite"]]))
    assert run(str(path)) == 1
    err = capsys.readouterr().err
    assert "rivi 3, “Nimi”: Nimi puuttuu." in err
    assert "rivi 3, “Sähköposti”: “ei-osoite” ei ole sähköpostiosoite." in err
    assert "ongelmia 2; mitään ei tuotu." in err
    assert not Organization.objects.exists()


def test_a_column_mapping_and_a_sheet_may_be_given(tmp_path):
    path = tmp_path / "lista.xlsx"
    path.write_bytes(xlsx_file([["Yhdistys"], ["Kuopion Kuoro ry"]], sheet="Kuopio"))
    assert run(str(path), "--sheet", "Kuopio", "--column", "Yhdistys=name") == 0
    assert Organization.objects.filter(name="Kuopion Kuoro ry").exists()


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "Tiedostoa"),
        ("Nimi;Kunta\nÄänekosken ry;Äänekoski\n".encode("cp1252"), [], "Windows-1252"),
        (b"Nimi\nA ry\n", ["--column", "Nimi"], "OTSIKKO=kenttä"),
        (b"Nimi\nA ry\n", ["--column", "Puuttuva=phone"], "“Puuttuva”"),
        (b"Nimi\nA ry\n", ["--sheet", "Toinen"], "XLSX"),
    ],
    ids=["missing-file", "cp1252", "bad-mapping", "unknown-header", "sheet-of-csv"],
)
def test_bad_input_exits_with_1_and_a_finnish_message(tmp_path, capsys, content, args, message):
    path = tmp_path / "tiedosto.csv"
    if content is not None:
        path.write_bytes(content)
    assert run(str(path), *args) == 1
    assert message in capsys.readouterr().err
    assert not Organization.objects.exists()


def test_call_command_raises_for_a_file_with_problems(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "huono.csv"
    path.write_bytes(csv_file([["Nimi", "Kunta"], ["", "Kuopio"]]))
    with pytest.raises(CommandError) as error:
        call_command("import_organizations", str(path), no_progress=True)
    assert error.value.returncode == 1


def test_a_failed_import_does_not_claim_to_have_created_anything(tmp_path, capsys):
    path = tmp_path / "huono.csv"
    path.write_bytes(csv_file([["Nimi", "Kunta"], ["Hyvä ry", "Kuopio"], ["Huono ry", "Kuopoi"]]))
    assert run(str(path)) == 1
    captured = capsys.readouterr()
    assert "Hyvä ry" not in captured.out and "Luotiin" not in captured.out
    assert "rivi 3, “Kunta”" in captured.err
