"""Areas, themes and target groups: the values the other endpoints filter by."""

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, PathEx, Query, Router, Schema
from pydantic import Field

from jarjestokartta.api.common import (
    DETAIL_ERRORS,
    ERRORS,
    Day,
    PageParams,
    each,
    json_response,
    not_found,
    page_of,
    unprocessable,
)
from jarjestokartta.api.schemas import Area as AreaOut
from jarjestokartta.api.schemas import AreaKind, AreaPage, TermPage
from jarjestokartta.directory.filtering import UnknownValue, area_by_ref
from jarjestokartta.directory.models import TargetGroup, Theme
from jarjestokartta.directory.queries import areas_within
from jarjestokartta.geography.models import Area
from jarjestokartta.geography.models import AreaKind as Kind
from jarjestokartta.popolo.exporter import area_record

router = Router(tags=["areas and terms"])


class AreaFilters(Schema):
    classification: list[AreaKind] = Field(
        default_factory=list, description="municipality, region, wellbeing_county or other"
    )
    region: str = Field(
        "", max_length=200, description="Region slug or code: it and its municipalities"
    )
    active_on: Day | None = Field(
        None, description="The day whose regional division counts (today when left out)"
    )


@router.get("/areas", response={200: AreaPage, **ERRORS}, summary="Municipalities, regions …")
def area_list(
    request: HttpRequest, filters: Query[AreaFilters], paging: Query[PageParams]
) -> HttpResponse:
    """Popolo areas with Statistics Finland's codes as identifiers; sorted by name."""
    queryset = Area.objects.select_related("parent")
    if filters.classification:
        queryset = queryset.filter(classification__in=filters.classification)
    if filters.region:
        try:
            region = area_by_ref(Kind.REGION, filters.region)
        except UnknownValue as error:
            raise unprocessable(str(error)) from None
        day = filters.active_on or timezone.localdate()
        queryset = queryset.filter(pk__in=areas_within(region, day))
    return json_response(page_of(queryset.order_by("name", "pk"), paging, each(area_record)))


@router.get("/areas/{ref}", response={200: AreaOut, **DETAIL_ERRORS}, summary="One area")
def area_detail(
    request: HttpRequest,
    ref: PathEx[str, P(description="The area's Popolo id (kunta:297) or slug (kuopio)")],
) -> HttpResponse:
    """By Popolo id (kunta:297) or slug (kuopio)."""
    area = Area.objects.select_related("parent").filter(Q(popolo_id=ref) | Q(slug=ref)).first()
    if area is None:
        raise not_found(f"no area with id or slug {ref!r}")
    return json_response(area_record(area))


def _term(term: Theme | TargetGroup) -> dict:
    record = {"id": term.slug, "name": term.name, "name_sv": term.name_sv, "name_en": term.name_en}
    return {key: value for key, value in record.items() if value}


@router.get("/themes", response={200: TermPage, **ERRORS}, summary="Themes")
def theme_list(request: HttpRequest, paging: Query[PageParams]) -> HttpResponse:
    """The ids are what the theme filters take."""
    return json_response(page_of(Theme.objects.order_by("name", "pk"), paging, each(_term)))


@router.get("/target_groups", response={200: TermPage, **ERRORS}, summary="Target groups")
def target_group_list(request: HttpRequest, paging: Query[PageParams]) -> HttpResponse:
    """The ids are what the target_group filters take."""
    return json_response(page_of(TargetGroup.objects.order_by("name", "pk"), paging, each(_term)))
