import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jarjestokartta.directory.models import Organization

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def test_import_popolo_reports_counts(tmp_path, demo_text, demo_data):
    path = tmp_path / "demo.json"
    path.write_text(demo_text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_popolo", str(path), "--no-progress", stdout=out)
    assert f"organizations: {len(demo_data['organizations'])} created" in out.getvalue()

    out = io.StringIO()
    call_command("import_popolo", str(path), "--no-progress", stdout=out)
    assert f"organizations: {len(demo_data['organizations'])} unchanged" in out.getvalue()


def test_import_popolo_names_every_problem_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "organizations": [
                    {"id": "a", "classification": "association"},
                    {
                        "id": "b",
                        "name": "B",
                        "classification": "association",
                        "founding_date": "2020-02-30",
                    },
                    {"id": "c", "name": "C", "classification": "association"},
                ]
            }
        )
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_popolo", str(path), stderr=err)
    assert "organizations[0] id='a': name: is required" in err.getvalue()
    assert "organizations[1] id='b': founding_date: '2020-02-30' is not a real calendar date" in (
        err.getvalue()
    )
    assert Organization.objects.count() == 0


def test_import_popolo_says_when_the_file_cannot_be_read(tmp_path):
    with pytest.raises(CommandError, match=r"cannot read .*missing\.json: No such file"):
        call_command("import_popolo", str(tmp_path / "missing.json"))


def test_import_popolo_names_the_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"organizations": [{"id": "o", "name": "Yhdistys ry"}, ' + b'"\xe4"]}')
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_popolo", str(path), "--no-progress", stderr=err)
    assert "the file is not UTF-8 text: byte 0xe4 at byte 56 (invalid continuation byte)" in (
        err.getvalue()
    )
    assert Organization.objects.count() == 0


def test_import_popolo_reads_standard_input(monkeypatch):
    document = {"organizations": [{"id": "o", "name": "O ry", "classification": "association"}]}
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(document).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    call_command("import_popolo", "-", "--no-progress", stdout=io.StringIO())
    assert Organization.objects.get(popolo_id="o").name == "O ry"


def test_export_popolo_writes_a_file_or_standard_output(tmp_path, demo):
    path = tmp_path / "out.json"
    call_command("export_popolo", str(path), stderr=io.StringIO())
    written = json.loads(path.read_text(encoding="utf-8"))
    assert {o["id"] for o in written["organizations"]} >= {"jane", "pssotu", "sakke"}
    assert not (tmp_path / "out.json.partial").exists()

    out = io.StringIO()
    call_command("export_popolo", "-", stdout=out)
    assert json.loads(out.getvalue()) == written


def test_export_popolo_says_when_it_cannot_write(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_popolo", str(tmp_path / "no" / "such" / "dir.json"))


def test_the_import_command_exits_non_zero_on_bad_input(tmp_path):
    """A real process, as an operator runs it: exit status and message on stderr."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"memberships": [{"id": "m1", "organization_id": "nowhere", "person_id": "p"}]})
    )
    environment = {
        **os.environ,
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)

    def manage(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert manage("migrate", "-v0").returncode == 0
    result = manage("import_popolo", str(bad))
    assert result.returncode == 1
    assert (
        "memberships id='m1': organization_id: no organisation with id 'nowhere'" in result.stderr
    )
    assert "memberships id='m1': person_id: no person with id 'p'" in result.stderr
    assert "nothing was imported" in result.stderr


def test_load_demo_fills_an_empty_database(demo_data):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Organization.objects.count() == len(demo_data["organizations"])
    assert "Imported" in out.getvalue()


def test_load_demo_never_overwrites_existing_data(demo):
    jane = Organization.objects.get(popolo_id="jane")
    jane.abstract = "Toimittajan muokkaus"
    jane.save()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "demo data not loaded" in out.getvalue()
    jane.refresh_from_db()
    assert jane.abstract == "Toimittajan muokkaus"
