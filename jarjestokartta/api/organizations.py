"""Organisations: the filtered list, one by id or slug, and the list as CSV or XLSX."""

from collections.abc import Sequence
from datetime import UTC

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import P, PathEx, Query, Router, Schema
from pydantic import Field, field_validator

from jarjestokartta.api.common import (
    DETAIL_ERRORS,
    ERRORS,
    Day,
    Moment,
    PageParams,
    download_response,
    json_response,
    not_found,
    page_of,
    unprocessable,
)
from jarjestokartta.api.schemas import Organization as OrganizationOut
from jarjestokartta.api.schemas import OrganizationKind, OrganizationPage
from jarjestokartta.directory import tabular
from jarjestokartta.directory.filtering import (
    OrganizationFilter,
    UnknownValue,
    filter_organizations,
    organization_by_ref,
)
from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo import public, records
from jarjestokartta.popolo.exporter import organization_records, post_record
from jarjestokartta.popolo.fieldmap import loads_of
from jarjestokartta.structures.models import Post

router = Router(tags=["organizations"])
INCLUDES = ("memberships", "posts")
# What organization_record reads: of the parent and the home area only their ids. Loading
# whole parents (their texts, their extras parsed from JSON) was over a third of a page's
# model loading, and the narrower rows sort faster. A field read but missing here costs a
# query per organisation, which the pinned query counts of the tests would show.
RECORD_FIELDS = loads_of(records.Organization)


def for_records():
    return Organization.objects.select_related("parent", "area").only(*RECORD_FIELDS)


class Include(Schema):
    include: list[str] = Field(
        default_factory=list,
        description="Embed related objects: memberships, posts, or both (memberships,posts)",
    )

    @field_validator("include")
    @classmethod
    def known_only(cls, values: list[str]) -> list[str]:
        wanted = [part.strip() for value in values for part in value.split(",") if part.strip()]
        unknown = sorted(set(wanted) - set(INCLUDES))
        if unknown:
            raise ValueError(f"cannot include {unknown[0]!r}; choose from {', '.join(INCLUDES)}")
        return wanted


class Filters(Schema):
    region: list[str] = Field(
        default_factory=list,
        description="Region slug or code (pohjois-savo, 11): at home or operating there",
    )
    municipality: list[str] = Field(
        default_factory=list, description="Municipality slug or number (kuopio, 297)"
    )
    classification: list[OrganizationKind] = Field(
        default_factory=list, description="Kind of organisation, e.g. network or council"
    )
    theme: list[str] = Field(default_factory=list, description="Theme id, see /themes")
    target_group: list[str] = Field(
        default_factory=list, description="Target group id, see /target_groups"
    )
    parent: str = Field("", max_length=200, description="Parent organisation's id or slug")
    identifier: str = Field(
        "", max_length=200, description="ytunnus:1234567-8, or an identifier in any scheme"
    )
    modified_after: Moment | None = Field(
        None, description="Changed after this moment (ISO 8601; Finnish time when no zone)"
    )
    active_on: Day | None = Field(None, description="Active on this day (YYYY-MM-DD)")

    @field_validator("region", "municipality", "theme", "target_group")
    @classmethod
    def short_values(cls, values: list[str]) -> list[str]:
        if len(values) > 50 or any(len(value) > 200 for value in values):
            raise ValueError("at most 50 values of at most 200 characters")
        return values

    def wanted(self) -> OrganizationFilter:
        modified_after = self.modified_after
        if modified_after and timezone.is_naive(modified_after):
            modified_after = timezone.make_aware(modified_after)
        if modified_after:
            # In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows (+23:20).
            modified_after = modified_after.astimezone(UTC)
        return OrganizationFilter(
            region=self.region,
            municipality=self.municipality,
            classification=self.classification,
            theme=self.theme,
            target_group=self.target_group,
            parent=self.parent,
            identifier=self.identifier,
            modified_after=modified_after,
            active_on=self.active_on,
        )


def matching(filters: Filters, queryset=None):
    try:
        return filter_organizations(
            Organization.objects.all() if queryset is None else queryset,
            filters.wanted(),
            timezone.localdate(),
        )
    except UnknownValue as error:
        raise unprocessable(str(error)) from None


def embed(organizations: Sequence[Organization], records: list[dict], include: list[str]) -> None:
    """Memberships and seats of a whole page in one query each."""
    by_pk = {org.pk: record for org, record in zip(organizations, records, strict=True)}
    for name in include:
        for record in records:
            record[name] = []
    if "memberships" in include:
        rows = public.public_membership_queryset().filter(organization__in=list(by_pk))
        for m in rows.order_by("organization", "pk"):
            by_pk[m.organization_id]["memberships"].append(public.membership_record(m))
    if "posts" in include:
        rows = Post.objects.select_related("organization", "area").filter(organization__in=by_pk)
        for post in rows.order_by("organization", "pk"):
            by_pk[post.organization_id]["posts"].append(post_record(post))


@router.get(
    "/organizations",
    response={200: OrganizationPage, **ERRORS},
    summary="Organisations, filtered and paginated",
    by_alias=True,
)
def organization_list(
    request: HttpRequest,
    filters: Query[Filters],
    include: Query[Include],
    paging: Query[PageParams],
) -> HttpResponse:
    """Associations, public bodies, cooperation bodies and projects. Filters combine with AND;
    several values of one filter (region=a&region=b) with OR. Sorted by name."""
    queryset = matching(filters, for_records())
    wanted = include.include

    def extend(items: Sequence[Organization], records: list[dict]) -> None:
        embed(items, records, wanted)

    return json_response(
        page_of(queryset, paging, organization_records, extend if wanted else None)
    )


@router.get(
    "/organizations.csv",
    response=ERRORS,
    summary="The filtered list as CSV for Excel",
    openapi_extra=download_response("text/csv", "A semicolon-separated table"),
)
def organization_csv(request: HttpRequest, filters: Query[Filters]) -> HttpResponse:
    """The same filters as /organizations, every matching organisation, public contact data
    only. UTF-8 with a byte order mark, fields separated by semicolons (Finnish Excel)."""
    return _download_for(request, filters, "csv")


@router.get(
    "/organizations.xlsx",
    response=ERRORS,
    summary="The filtered list as an Excel workbook",
    openapi_extra=download_response(tabular.XLSX_TYPE, "An Excel workbook"),
)
def organization_xlsx(request: HttpRequest, filters: Query[Filters]) -> HttpResponse:
    """The same filters and columns as /organizations.csv."""
    return _download_for(request, filters, "xlsx")


def _download_for(request: HttpRequest, filters: Filters, format: str) -> HttpResponse:
    organizations = matching(filters)
    name = tabular.filename(
        *filters.region,
        *filters.municipality,
        *filters.classification,
        *filters.theme,
        day=timezone.localdate(),
    )
    return tabular.organizations_download(organizations, request, format, name)


@router.get(
    "/organizations/{ref}",
    response={200: OrganizationOut, **DETAIL_ERRORS},
    summary="One organisation as its Popolo record",
    by_alias=True,
)
def organization_detail(
    request: HttpRequest,
    ref: PathEx[str, P(description="The organisation's Popolo id, or the slug of its page")],
    include: Query[Include],
) -> HttpResponse:
    """By Popolo id or by the slug in the page's address. Organisation records hold no private
    data."""
    org = organization_by_ref(ref, for_records())
    if org is None:
        raise not_found(f"no organisation with id or slug {ref!r}")
    record = organization_records([org])[0]
    if include.include:
        embed([org], [record], include.include)
    return json_response(record)
