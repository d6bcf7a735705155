"""Reads for the coordinator's queue and an organisation's history."""

from dataclasses import dataclass

from django.db.models import QuerySet

from jarjestokartta.directory.models import Organization
from jarjestokartta.editing.document import FieldChange, diff
from jarjestokartta.editing.models import ChangeSet, Version
from jarjestokartta.roles.queries import organizations_coordinated_by


def open_change_sets(user) -> QuerySet[ChangeSet]:
    """What waits for this coordinator: pending first, then the published ones not yet looked
    at, oldest first within each. Three queries for any length (the sets, their organisations
    and authors joined)."""
    return (
        ChangeSet.objects.filter(
            status__in=[ChangeSet.Status.PENDING, ChangeSet.Status.PUBLISHED],
            organization__in=organizations_coordinated_by(user).values("pk"),
        )
        .select_related("organization", "organization__area", "author")
        .order_by("status", "created")  # "pending" sorts before "published"
    )


@dataclass
class HistoryEntry:
    version: Version
    changes: list[FieldChange]
    is_current: bool


def history_of(org: Organization) -> list[HistoryEntry]:
    """Newest first, each version with what it changed from the one before."""
    versions = list(
        Version.objects.filter(organization_key=org.pk)
        .select_related("user", "change_set")
        .order_by("pk")
    )
    entries = []
    previous: dict = {}
    for version in versions:
        entries.append(
            HistoryEntry(version, diff(previous, version.document) if previous else [], False)
        )
        previous = version.document
    if entries:
        entries[-1].is_current = True
    return list(reversed(entries))
