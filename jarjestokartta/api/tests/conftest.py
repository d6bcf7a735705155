import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_api_cache():
    """Each test starts with an empty cache of answers: the test database is rolled back
    between tests, so the same data version can name different data in two tests."""
    caches["api"].clear()
    yield
    caches["api"].clear()
