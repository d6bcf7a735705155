"""Reads of the roles: what a coordinator's workspace lists."""

from django.db.models import QuerySet
from django.utils import timezone

from jarjestokartta.directory.models import Organization
from jarjestokartta.geography.models import Area, AreaLink
from jarjestokartta.roles.models import EditorRequest
from jarjestokartta.roles.permissions import coordinated_region_ids


def organizations_coordinated_by(user) -> QuerySet[Organization]:
    """The organisations at home in the user's regions, in one of their municipalities today or
    in a district of one: the same rule as permissions.region_id_of, as one query. All for
    administrators."""
    regions = coordinated_region_ids(user)
    if regions is None:
        return Organization.objects.all()
    municipalities = (
        AreaLink.objects.active_on(timezone.localdate())
        .filter(parent_id__in=regions)
        .values("area_id")
    )
    within = Area.objects.filter(parent_id__in=municipalities).values("pk")  # city districts
    return (
        Organization.objects.filter(area_id__in=[*regions])
        | Organization.objects.filter(area_id__in=municipalities)
        | Organization.objects.filter(area_id__in=within)
    )


def pending_editor_requests(user) -> QuerySet[EditorRequest]:
    return (
        EditorRequest.objects.filter(
            status=EditorRequest.Status.PENDING,
            organization__in=organizations_coordinated_by(user).values("pk"),
        )
        .select_related("user", "organization", "organization__area")
        .order_by("created")
    )
