import json
import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "structures.popolo.json"


def pytest_configure(config):
    # WhiteNoise warns on every request when the collected-static folder does not exist yet.
    Path(django_settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _empty_api_cache():
    """Each test starts with an empty cache of API answers: the test database is rolled back
    between tests, so the same data version can name different data in two tests."""
    from django.core.cache import caches

    caches["api"].clear()
    yield
    caches["api"].clear()


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs `collectstatic` first; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _quick_password_hashes(settings):
    """A fast hash in tests: the real one (PBKDF2, made slow on purpose) took half a second of
    each test that makes a few users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks (mail) run when queued, so that a test sees their mail in mail.outbox; the
    database queue and its worker have their own tests (core/tests/test_outbox.py)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def demo_text() -> str:
    return DEMO_FILE.read_text(encoding="utf-8")


@pytest.fixture
def demo_data(demo_text) -> dict:
    return json.loads(demo_text)


@pytest.fixture
def demo(db, demo_text):
    """The demo structures imported into the test database; returns the import counts."""
    from jarjestokartta.geography.models import Area, AreaLink
    from jarjestokartta.geography.reference import load_reference_geography
    from jarjestokartta.popolo.importer import popolo_import

    if not Area.objects.filter(is_reference=True).exists():
        # A transactional (browser) test's flush also removes what the migrations loaded.
        load_reference_geography(Area, AreaLink)
    return popolo_import(demo_text)


# --- browser tests: Debian's Chromium driven by Playwright ------------------------------------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # This machine's network is closed: without these Chromium keeps trying Google's hosts.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def _chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: make test installs Debian's chromium when root")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django then refuses ORM
    # calls from it; the tests' own database calls are safe (nothing else uses the loop).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_chromium, settings):
    """A function giving a fresh page of the given width; closed after the test."""
    contexts = []

    def make(width: int):
        context = _chromium.new_context(viewport={"width": width, "height": 900}, locale="fi-FI")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def admin_user(db, django_user_model):
    """pytest-django's superuser (and so its admin_client), with two-factor authentication set
    up, as the site requires of staff before any admin page (accounts/two_factor.py)."""
    from jarjestokartta.accounts.tests.helpers import ready_for_admin

    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "password")
    ready_for_admin(user)
    return user
