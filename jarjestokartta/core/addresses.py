"""The site's own address, for links that leave the page: mails, feeds, downloads."""

from django.http import HttpRequest


def site_root(request: HttpRequest) -> str:
    """'https://example.fi' as the request reached us, without the trailing slash."""
    return request.build_absolute_uri("/").rstrip("/")
