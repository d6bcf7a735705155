import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "structures.popolo.json"


def pytest_configure(config):
    # WhiteNoise warns on every request when the collected-static folder does not exist yet.
    Path(django_settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs `collectstatic` first; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def demo_text() -> str:
    return DEMO_FILE.read_text(encoding="utf-8")


@pytest.fixture
def demo_data(demo_text) -> dict:
    return json.loads(demo_text)


@pytest.fixture
def demo(db, demo_text):
    """The demo structures imported into the test database; returns the import counts."""
    from jarjestokartta.popolo.importer import popolo_import

    return popolo_import(demo_text)
