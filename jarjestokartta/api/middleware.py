"""HTTP behaviour of the API as a whole: conditional GETs, a cache, HEAD, and JSON for errors.

Conditional GETs: an anonymous GET or HEAD gets an ETag and Last-Modified from the data's
version (core/versions.py) and the day (a date left out means today, so answers change at
midnight too), and a 304 without running the view when the client already has them. The same
validators key the cache of answers (api/cache.py).

This middleware comes before sessions, CSRF, authentication and messages (settings.MIDDLEWARE)
so that a 304 or a cached answer costs none of their work. It tells anonymous callers by the
absence of a session cookie: sessions are the only way to log in, so a request without one
cannot be a logged-in user's. No view of the API reads the user.
"""

import hashlib
import logging
from datetime import datetime, time
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from jarjestokartta.api import cache
from jarjestokartta.core import versions

PREFIX = "/api/"
logger = logging.getLogger(__name__)
MESSAGES = {
    404: "no such address in the API; see /api/v1/docs",
    405: "the API is read-only: use GET, HEAD or OPTIONS",
}


def _code_version() -> str:
    """A short hash of the source, so that a new release never answers 304 with old shapes."""
    digest = hashlib.sha1()
    for path in sorted(Path(__file__).resolve().parent.parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


CODE_VERSION = _code_version()


class Validators(NamedTuple):
    etag: str
    last_modified: int  # a timestamp in whole seconds
    # When the version last moved, to the microsecond: a database rebuilt or restored starts
    # counting again from 1, and its version 1 must not meet answers cached from the old one.
    changed_at: str


def validators() -> Validators:
    """The ETag and Last-Modified of every API answer right now."""
    number, changed_at = versions.current()
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.combine(today, time()))
    last_modified = max(changed_at, midnight) if changed_at else midnight
    # Whole seconds: HTTP dates have no fractions, and If-Modified-Since compares with them.
    return Validators(
        f'"{CODE_VERSION}-{number}-{today:%Y%m%d}"',
        int(last_modified.timestamp()),
        changed_at.isoformat() if changed_at else "",
    )


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values
    )


def _anonymous(request: HttpRequest) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _valid_host(request: HttpRequest) -> bool:
    """False for a Host that ALLOWED_HOSTS refuses; CommonMiddleware then answers 400."""
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


class ApiMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        try:
            return self._answer(request)
        except Exception:
            # Our own work failed (the database is down …); the views' errors arrive as
            # responses and are made JSON in _json_error.
            logger.exception("API error at %s", request.get_full_path())
            return JsonResponse({"detail": "internal error; it has been logged"}, status=500)

    def _answer(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return JsonResponse({"detail": "a parameter holds a NUL character"}, status=400)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the API's views answer GET; HEAD is GET without the body
        if request.method == "GET" and _anonymous(request) and _valid_host(request):
            response = self._validated_get(request)
        else:
            response = self._json_error(self.get_response(request))
        if head:
            request.method = "HEAD"
            if response.streaming:
                response.streaming_content = []
            else:
                response.content = b""
        return response

    def _validated_get(self, request: HttpRequest) -> HttpResponse:
        """A 304, a cached answer, or the view's answer with validators (and then cached)."""
        now = validators()
        etag, last_modified = now.etag, now.last_modified
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["ETag"], not_modified["Last-Modified"] = etag, http_date(last_modified)
            return not_modified
        cache_key = cache.key(request, now.etag, now.changed_at) if cache.enabled() else None
        if cache_key and not cache.wants_fresh(request):
            cached = cache.load(cache_key)
            if cached is not None:
                return cached
        response = self._json_error(self.get_response(request))
        if response.status_code == 200:
            response["ETag"], response["Last-Modified"] = etag, http_date(last_modified)
            response["Cache-Control"] = "public, no-cache"
            if cache_key:
                cache.store(cache_key, response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(PREFIX):
            return None
        logger.exception("API error at %s", request.get_full_path())
        return JsonResponse({"detail": "internal error; it has been logged"}, status=500)

    @staticmethod
    def _json_error(response: HttpResponse) -> HttpResponse:
        if response.status_code < 400 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        message = MESSAGES.get(response.status_code, response.reason_phrase.lower())
        replacement = JsonResponse({"detail": message}, status=response.status_code)
        if response.has_header("Allow"):
            replacement["Allow"] = response["Allow"]
        return replacement
