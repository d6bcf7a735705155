"""Memberships, public persons and seats."""

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
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
from jarjestokartta.api.schemas import Membership as MembershipOut
from jarjestokartta.api.schemas import MembershipPage, PersonPage, PostPage, Role
from jarjestokartta.api.schemas import Person as PersonOut
from jarjestokartta.api.schemas import Post as PostOut
from jarjestokartta.directory.filtering import organization_by_ref
from jarjestokartta.directory.models import Organization
from jarjestokartta.popolo import exporter, public
from jarjestokartta.structures.models import Person

router = Router(tags=["structures"])
REF = {"max_length": 200}


def _organization(ref: str, what: str) -> Organization:
    org = organization_by_ref(ref)
    if org is None:
        raise unprocessable(f"unknown {what} {ref!r}: give an organisation's id or slug")
    return org


class MembershipFilters(Schema):
    organization: str = Field("", description="The body's id or slug", **REF)
    member: str = Field(
        "", description="Member organisation's id or slug, or public person's id", **REF
    )
    role: list[Role] = Field(
        default_factory=list, description="Role in the body, e.g. chair or deputy_member"
    )
    on_behalf_of: str = Field("", description="Id or slug of the organisation represented", **REF)
    active_on: Day | None = Field(None, description="Held on this day (YYYY-MM-DD)")


def _member(ref: str) -> Q:
    org = organization_by_ref(ref)
    if org is not None:
        return Q(member_organization=org)
    person = Person.objects.filter(popolo_id=ref, is_public=True).first()
    if person is not None:
        return Q(person=person)
    # Private persons are unknown here: the answer must not tell that one exists.
    raise unprocessable(
        f"unknown member {ref!r}: give an organisation's id or slug or a public person's id"
    )


@router.get(
    "/memberships",
    response={200: MembershipPage, **ERRORS},
    summary="Who sits where, in what role, on whose behalf",
    by_alias=True,
)
def membership_list(
    request: HttpRequest, filters: Query[MembershipFilters], paging: Query[PageParams]
) -> HttpResponse:
    """Filters combine with AND. A person who has not agreed to be named appears as a
    placeholder id of that membership alone (nimeamaton-…)."""
    queryset = public.public_membership_queryset()
    if filters.organization:
        queryset = queryset.filter(organization=_organization(filters.organization, "organization"))
    if filters.member:
        queryset = queryset.filter(_member(filters.member))
    if filters.role:
        queryset = queryset.filter(role__in=filters.role)
    if filters.on_behalf_of:
        queryset = queryset.filter(on_behalf_of=_organization(filters.on_behalf_of, "on_behalf_of"))
    if filters.active_on:
        queryset = queryset.active_on(filters.active_on)
    queryset = queryset.order_by("organization__name", "organization", "role", "pk")
    return json_response(page_of(queryset, paging, each(public.membership_record)))


@router.get(
    "/memberships/{id}",
    response={200: MembershipOut, **DETAIL_ERRORS},
    summary="One membership",
    by_alias=True,
)
def membership_detail(
    request: HttpRequest, id: PathEx[str, P(description="The membership's Popolo id")]
) -> HttpResponse:
    m = public.public_membership_queryset().filter(popolo_id=id).first()
    if m is None:
        raise not_found(f"no membership with id {id!r}")
    return json_response(public.membership_record(m))


@router.get("/persons", response={200: PersonPage, **ERRORS}, summary="Public persons")
def person_list(request: HttpRequest, paging: Query[PageParams]) -> HttpResponse:
    """Only persons who have agreed to be named; sorted by family name."""
    queryset = (
        exporter.person_queryset().filter(is_public=True).order_by("family_name", "name", "pk")
    )
    return json_response(page_of(queryset, paging, each(exporter.person_record)))


@router.get(
    "/persons/{id}", response={200: PersonOut, **DETAIL_ERRORS}, summary="One public person"
)
def person_detail(
    request: HttpRequest, id: PathEx[str, P(description="The public person's Popolo id")]
) -> HttpResponse:
    person = exporter.person_queryset().filter(popolo_id=id, is_public=True).first()
    if person is None:
        raise not_found(f"no public person with id {id!r}")
    return json_response(exporter.person_record(person))


class PostFilters(Schema):
    organization: str = Field("", description="The body's id or slug", **REF)
    active_on: Day | None = Field(None, description="Existing on this day (YYYY-MM-DD)")


@router.get("/posts", response={200: PostPage, **ERRORS}, summary="Seats in bodies")
def post_list(
    request: HttpRequest, filters: Query[PostFilters], paging: Query[PageParams]
) -> HttpResponse:
    queryset = exporter.post_queryset()
    if filters.organization:
        queryset = queryset.filter(organization=_organization(filters.organization, "organization"))
    if filters.active_on:
        queryset = queryset.active_on(filters.active_on)
    queryset = queryset.order_by("organization__name", "organization", "label", "pk")
    return json_response(page_of(queryset, paging, each(exporter.post_record)))


@router.get("/posts/{id}", response={200: PostOut, **DETAIL_ERRORS}, summary="One seat")
def post_detail(
    request: HttpRequest, id: PathEx[str, P(description="The seat's Popolo id")]
) -> HttpResponse:
    post = exporter.post_queryset().filter(popolo_id=id).first()
    if post is None:
        raise not_found(f"no seat with id {id!r}")
    return json_response(exporter.post_record(post))
