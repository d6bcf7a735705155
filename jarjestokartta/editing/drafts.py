"""An edit between its form and its submission: the preview shows it, the submission sends it.

Kept in the session rather than in hidden fields, so that what is submitted is exactly what the
preview showed; the document the form started from (`base`) travels signed in the form, so
that a tampered page cannot claim a different starting point.
"""

import secrets
from typing import Any

from django.core import signing
from django.http import HttpRequest

from jarjestokartta.editing.document import Document

_SESSION_KEY = "jk_edit_drafts"
_KEEP = 5  # drafts per session; an abandoned preview must not grow the session forever
_SALT = "jarjestokartta.editing.base"


def sign_base(document: Document) -> str:
    return signing.dumps(document, salt=_SALT, compress=True)


def unsign_base(token: str) -> Document | None:
    try:
        return signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None


def save(request: HttpRequest, draft: dict[str, Any]) -> str:
    drafts = request.session.get(_SESSION_KEY, {})
    key = secrets.token_urlsafe(9)
    drafts[key] = draft
    request.session[_SESSION_KEY] = dict(list(drafts.items())[-_KEEP:])
    return key


def load(request: HttpRequest, key: str) -> dict[str, Any] | None:
    return request.session.get(_SESSION_KEY, {}).get(key)


def discard(request: HttpRequest, key: str) -> None:
    drafts = request.session.get(_SESSION_KEY, {})
    if drafts.pop(key, None) is not None:
        request.session[_SESSION_KEY] = drafts
