"""The bench is not part of the product: only bench.settings lists it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
BENCH_COMMANDS = {
    "generate_dataset",
    "bench_import",
    "bench_export",
    "bench_search",
    "bench_pages",
    "bench_diagram",
    "bench_api",
    "bench_report",
}


def manage_help(tmp_path: Path, settings_module: str | None) -> set[str]:
    """The command names `manage.py help --commands` lists, as an operator runs it."""
    environment = {**os.environ, "VAR_DIR": str(tmp_path), "DATABASE_URL": ""}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    if settings_module:
        environment["DJANGO_SETTINGS_MODULE"] = settings_module
    done = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(done.stdout.split())


def test_production_settings_do_not_install_the_bench():
    assert not [app for app in settings.INSTALLED_APPS if app.split(".")[-1] == "bench"]
    assert not BENCH_COMMANDS & set(get_commands())


# None: manage.py as an operator runs it, with the production settings it defaults to.
@pytest.mark.parametrize("settings_module, listed", [(None, False), ("bench.settings", True)])
def test_only_the_bench_settings_offer_the_bench_commands(tmp_path, settings_module, listed):
    commands = manage_help(tmp_path, settings_module)
    assert "import_popolo" in commands and "migrate" in commands
    assert (commands >= BENCH_COMMANDS) is listed
    assert bool(BENCH_COMMANDS & commands) is listed
