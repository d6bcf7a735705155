"""What every endpoint of the API shares: error messages, pages of results, JSON out."""

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpResponse
from ninja import Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator, Field

from jarjestokartta.core.days import ISO_DAY, parse_day

MAX_PER_PAGE = 500


def _day(value: Any) -> Any:
    # The same reading as the pages' `paiva`: NotADay is a ValueError, a 400 with its message.
    return parse_day(value) if isinstance(value, str) else value


def _moment(value: Any) -> Any:
    # pydantic would also read "0.5" as a Unix time; the document promises ISO 8601 only.
    if isinstance(value, str) and not ISO_DAY.match(value):
        raise ValueError("give an ISO 8601 date, YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(_day)]
Moment = Annotated[datetime, BeforeValidator(_moment)]
MAX_PAGE = 1_000_000


class Message(Schema):
    """Every error of the API, whatever its status: one schema, one field."""

    detail: str = Field(description="What was wrong, in words")


# The error answers documented on every endpoint: 400 a malformed parameter, 404 an address
# that names nothing, 422 a well-formed filter value that names nothing (an unknown region,
# theme, organisation …).
ERRORS = {400: Message, 422: Message}
DETAIL_ERRORS = {400: Message, 404: Message}


def bad_request(message: str) -> HttpError:
    return HttpError(400, message)


def unprocessable(message: str) -> HttpError:
    return HttpError(422, message)


def not_found(message: str) -> HttpError:
    return HttpError(404, message)


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1")
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE, description="Items per page")


class Page(Schema):
    """Open Referral's page fields; `contents` holds the items."""

    total_items: int = Field(description="Items matching the filters, on all pages")
    total_pages: int = Field(description="Pages of per_page items (0 when nothing matches)")
    page_number: int = Field(description="This page's number, from 1")
    size: int = Field(description="Items on this page")
    first_page: bool = Field(description="True on page 1")
    last_page: bool = Field(description="True when no page follows")
    empty: bool = Field(description="True when this page has no items")


def json_response(data: Any, status: int = 200) -> HttpResponse:
    """Sent as is: our records are built to the documented shape (the schemathesis run in
    the tests checks it), and validating them again through pydantic would double the cost."""
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json; charset=utf-8",
        status=status,
    )


def download_response(content_type: str, description: str) -> dict:
    """The OpenAPI description of a 200 that is a file rather than JSON."""
    return {
        "responses": {
            200: {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


def each(serialize: Callable[[Any], dict]) -> Callable[[list], list[dict]]:
    return lambda items: [serialize(item) for item in items]


def page_of(
    queryset,
    params: PageParams,
    serialize: Callable[[list], list[dict]],
    extend: Callable[[Sequence[Any], list[dict]], None] | None = None,
    counted=None,
) -> dict:
    """One page of a queryset in Open Referral's shape; a page past the end is empty.

    `serialize` turns the page's items into records at once (so it can fetch their child rows
    in bulk); `extend` adds embedded objects with a fixed number of queries; `counted`, the
    same rows in a form that counts faster (the occurrences', events/filtering.py).
    """
    total = (queryset if counted is None else counted).count()
    pages = -(-total // params.per_page)
    start = (params.page - 1) * params.per_page
    items = list(queryset[start : start + params.per_page]) if start < total else []
    contents = serialize(items) if items else []
    if extend and items:
        extend(items, contents)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": not contents,
        "contents": contents,
    }
