"""Answers of the API to anonymous GETs, kept in a cache under the data's version.

The key holds the ETag (code version, data version and day: see middleware.validators), the
moment the data version last moved, and the full address with scheme and host, so an answer
is only ever reused while nothing it was built from has changed: every change to the public
data bumps the version (core/versions.py) and so moves every key. Old entries are never read
again and age out of the cache.

The version is read before the view runs and a change bumps it only after (or together with)
the data it changed, so an answer stored under a version is never older than that version.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

ALIAS = "api"
# A page of 50 organisations is ~30 KB; bigger answers (per_page=500, exports) are rarer and
# would let a few hundred entries take hundreds of MB of a worker.
MAX_BYTES = 128 * 1024


def enabled() -> bool:
    return ALIAS in settings.CACHES and getattr(settings, "API_CACHE_ENTRIES", 1) > 0


def key(request: HttpRequest, etag: str, changed_at: str) -> str:
    """The cache key of a request whose Host the caller has validated.

    Scheme and host are part of it: answers that hold links (diagrams, exports) are built
    from them.
    """
    address = f"{changed_at} {request.build_absolute_uri()}".encode("utf-8", "surrogateescape")
    return f"api:{etag.strip(chr(34))}:{hashlib.sha256(address).hexdigest()}"


def wants_fresh(request: HttpRequest) -> bool:
    """`Cache-Control: no-cache` from the client: build the answer anew (RFC 9111 5.2.1.4)."""
    return "no-cache" in request.headers.get("Cache-Control", "").lower()


def load(cache_key: str) -> HttpResponse | None:
    stored = caches[ALIAS].get(cache_key)
    if stored is None:
        return None
    headers, content = stored
    response = HttpResponse(content, headers=headers)
    response["X-Cache"] = "hit"
    return response


def store(cache_key: str, response: HttpResponse) -> None:
    """Keep a successful JSON answer that sets no cookie and is small enough."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or not response.get("Content-Type", "").startswith("application/json")
        or len(response.content) > MAX_BYTES
    ):
        return
    # Every header the view and the middleware inside the API's set: a hit looks like the miss.
    # Those of the middleware outside (CORS, security) are added to every answer anyway.
    caches[ALIAS].set(cache_key, (dict(response.headers.items()), response.content))
    response["X-Cache"] = "miss"
