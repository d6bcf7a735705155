"""An uploaded spreadsheet kept on the server between its preview and the confirmation.

The confirmation imports the very file that was previewed: the browser is given only a random
token and the file's SHA-256, never the file or the mapping, so nothing it sends back can change
what is imported. The token is bound to the user who uploaded it. Files are removed when
imported or cancelled, and any left behind are removed after a day.
"""

import hashlib
import json
import re
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


@dataclass(frozen=True)
class Upload:
    token: str
    filename: str
    sha256: str
    mapping: dict[str, str]
    sheet: str | None
    user_id: int


def _directory() -> Path:
    folder = Path(settings.VAR_DIR) / "spreadsheet-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store(
    data: bytes, *, filename: str, mapping: dict[str, str], sheet: str | None, user_id: int
) -> Upload:
    _remove_old()
    upload = Upload(
        token=secrets.token_urlsafe(24),
        filename=Path(filename).name[:200],
        sha256=hashlib.sha256(data).hexdigest(),
        mapping=mapping,
        sheet=sheet,
        user_id=user_id,
    )
    folder = _directory()
    (folder / f"{upload.token}.data").write_bytes(data)
    (folder / f"{upload.token}.json").write_text(json.dumps(asdict(upload)), encoding="utf-8")
    return upload


def load(token: str, *, sha256: str, user_id: int) -> tuple[Upload, bytes] | None:
    """The upload and its bytes, or None when the token is unknown, is another user's, or the
    file is not the one previewed."""
    if not _TOKEN.fullmatch(token):
        return None
    folder = _directory()
    try:
        upload = Upload(**json.loads((folder / f"{token}.json").read_text(encoding="utf-8")))
        data = (folder / f"{token}.data").read_bytes()
    except (OSError, ValueError, TypeError):
        return None
    digest = hashlib.sha256(data).hexdigest()
    if upload.user_id != user_id or not secrets.compare_digest(digest, upload.sha256):
        return None
    if not secrets.compare_digest(sha256, upload.sha256):
        return None
    return upload, data


def discard(token: str) -> None:
    if not _TOKEN.fullmatch(token):
        return
    for suffix in (".data", ".json"):
        (_directory() / f"{token}{suffix}").unlink(missing_ok=True)


def _remove_old() -> None:
    limit = time.time() - MAX_AGE_SECONDS
    for path in _directory().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass  # removed meanwhile by another worker
