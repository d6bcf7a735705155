from django.db.models import Q
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from jarjestokartta.popolo.exporter import organization_queryset, organization_record

router = Router(tags=["organizations"])


class Message(Schema):
    detail: str


@router.get(
    "/organizations/{ref}",
    response={200: dict, 404: Message},
    summary="One organisation as its Popolo record",
)
def organization(request: HttpRequest, ref: str) -> dict:
    """By Popolo id or by the slug in the page's address. The fields are those of
    docs/popolo.md; organisation records hold no private data."""
    org = organization_queryset().filter(Q(popolo_id=ref) | Q(slug=ref)).first()
    if org is None:
        raise HttpError(404, f"no organisation with id or slug {ref!r}")
    return organization_record(org)
