"""The pure modules import without Django: import-linter proves it of the imports it can see
(the "django-free" contract in pyproject.toml); this proves it by running them."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PURE = [
    "jarjestokartta.core.days",
    "jarjestokartta.core.partial_dates",
    "jarjestokartta.core.vocabulary",
    "jarjestokartta.diagram.graph",
    "jarjestokartta.directory.identifiers",
    "jarjestokartta.events.phrasing",
    "jarjestokartta.events.phrasing_words",
    "jarjestokartta.events.rrule_reading",
    "jarjestokartta.geography.postal_codes",
    "jarjestokartta.popolo.fieldmap",
    "jarjestokartta.popolo.parsing",
    "jarjestokartta.popolo.parts",
    "jarjestokartta.popolo.reading",
    "jarjestokartta.popolo.records",
    "jarjestokartta.popolo.rules",
    "jarjestokartta.search.analysis",
]
CHECK = """
import importlib, sys
importlib.import_module(sys.argv[1])
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(" ".join(loaded))
"""


@pytest.mark.parametrize("module", PURE)
def test_a_pure_module_imports_without_loading_django(module):
    # A fresh interpreter: this one has Django loaded already. No DJANGO_SETTINGS_MODULE either.
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHECK, module], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
