"""The whole public dataset, or one region's, as one Popolo JSON file."""

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from jarjestokartta.api.common import ERRORS, unprocessable
from jarjestokartta.directory.filtering import UnknownValue, area_by_ref
from jarjestokartta.geography.models import AreaKind
from jarjestokartta.popolo import public

router = Router(tags=["exports"])


class ExportParams(Schema):
    region: str = Field(
        "",
        max_length=200,
        description="Region slug or code; the whole dataset when left out",
    )


@router.get(
    "/export/popolo.json",
    response={200: dict, **ERRORS},
    summary="Public Popolo export",
)
def popolo_export(request: HttpRequest, params: Query[ExportParams]) -> StreamingHttpResponse:
    """The format of `manage.py export_popolo` (docs/popolo.md), without anyone who has not
    agreed to be named. For a region: its organisations, the memberships in and of them, and
    whatever those refer to, so the file imports on its own. Streamed as it is written."""
    today = timezone.localdate()
    region = None
    if params.region:
        try:
            region = area_by_ref(AreaKind.REGION, params.region)
        except UnknownValue as error:
            raise unprocessable(str(error)) from None
    selection = public.Selection(region, today)
    response = StreamingHttpResponse(
        public.json_chunks(selection.collections()), content_type="application/json; charset=utf-8"
    )
    name = f"jarjestokartta-{region.slug if region else 'suomi'}-{today.isoformat()}.popolo.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
