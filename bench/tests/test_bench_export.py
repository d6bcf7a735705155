"""bench_export: the operator's export timed and measured in its own process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError

from bench.tests.commands import run_bench_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_it_refuses_an_empty_database():
    with pytest.raises(CommandError, match="No organisations to export"):
        run_bench_command("bench_export")


def test_it_measures_the_export_of_a_real_database(tmp_path, demo_data):
    """Real processes, as make bench runs them: the child must see the same database, which
    pytest's test database is not."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert manage("migrate", "-v0").returncode == 0
    assert manage("load_demo").returncode == 0
    figures_file, kept = tmp_path / "export.json", tmp_path / "kept.popolo.json"
    done = manage("bench_export", "--file", str(kept), "--output", str(figures_file))
    assert done.returncode == 0, done.stderr
    figures = json.loads(figures_file.read_text())
    exported = json.loads(kept.read_text(encoding="utf-8"))
    assert figures["database"] == "sqlite"
    assert figures["organizations"] == len(exported["organizations"])
    assert len(exported["organizations"]) == len(demo_data["organizations"])
    assert figures["memberships"] == len(exported["memberships"])
    assert figures["file_mb"] == round(kept.stat().st_size / 1e6, 1)
    assert figures["seconds"] > 0 and 20 < figures["peak_memory_mb"] < 1000
    assert figures["exported"].startswith("Exported ") and "peak memory" in done.stdout
    # Without --file the export goes to a temporary file, removed afterwards.
    assert manage("bench_export").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["db.sqlite3", "secret_key", "export.json", "kept.popolo.json"]
    )

    failed = manage("bench_export", "--file", str(tmp_path / "no" / "such" / "x.json"))
    assert failed.returncode == 1
    assert "export_popolo failed" in failed.stderr and "cannot write" in failed.stderr
