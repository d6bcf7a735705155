"""The rules of an import that need the database: references to records it already holds,
identifiers held by other organisations, deputies across bodies."""

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, QuerySet

from jarjestokartta.core.bulk import chunks, pks_by_popolo_id
from jarjestokartta.directory.models import BODY_KINDS, Identifier, Organization
from jarjestokartta.geography.models import Area, AreaAlias
from jarjestokartta.popolo.records import Event as EventRecord
from jarjestokartta.popolo.records import Membership as MembershipRecord
from jarjestokartta.popolo.records import Organization as OrganizationRecord
from jarjestokartta.popolo.resolving import TABLES, Row
from jarjestokartta.popolo.rules import Document, where
from jarjestokartta.structures.models import Membership

# A row found by its Popolo id: of a collection's table, or an area's alias.
_Found = TypeVar("_Found", bound=Row | Area | AreaAlias)


class ImportProblems(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the file")
        self.problems = problems


def existing(
    model: type[Model], ids: Iterable[str], queryset: QuerySet[_Found]
) -> dict[str, _Found]:
    """The records with these Popolo ids that the database holds (loaded by `queryset`), by id.

    Which ones exist is asked in plain SQL first: a national file into an empty database
    finds none, and the ORM's IN (…) of every id cost seconds.
    """
    found: dict[str, _Found] = {}
    for chunk in chunks(ids):
        pks = list(pks_by_popolo_id(model, chunk).values())
        if pks:
            found.update({obj.popolo_id: obj for obj in queryset.filter(pk__in=pks)})
    return found


def known_ids(dangling: dict[str, set[str]]) -> dict[str, set[str]]:
    known = {
        collection: set(
            existing(model, dangling[collection], model._default_manager.only("popolo_id"))
        )
        for collection, model in TABLES.items()
    }
    known["areas"] = set(existing(Area, dangling["areas"], Area.objects.only("popolo_id")))
    known["areas"] |= set(existing(AreaAlias, dangling["areas"], AreaAlias.objects.all()))
    return known


def database_problems(document: Document) -> list[str]:
    """Rules that need the database: identifiers held by others, deputies across bodies."""
    problems = []
    wanted = {
        (item.scheme, item.identifier): org.id
        for org in document.of(OrganizationRecord)
        for item in org.identifiers
    }
    values = {identifier for _, identifier in wanted}
    for chunk in chunks(values):
        held = Identifier.objects.filter(identifier__in=chunk).select_related("organization")
        for row in held:
            org_id = wanted.get((row.scheme, row.identifier))
            if org_id is not None and row.organization.popolo_id != org_id:
                problems.append(
                    f"organizations id={org_id!r}: identifiers: {row.scheme} "
                    f"{row.identifier!r} already belongs to organisation "
                    f"{row.organization.popolo_id!r}"
                )
    in_file = document.ids("memberships")
    memberships = document.of(MembershipRecord)
    outside = {m.deputy_of_id for m in memberships if m.deputy_of_id is not None} - in_file
    targets = existing(Membership, outside, Membership.objects.select_related("organization"))
    for membership in memberships:
        target = targets.get(membership.deputy_of_id or "")
        if target and target.organization.popolo_id != membership.organization_id:
            problems.append(
                f"memberships id={membership.id!r}: deputy_of_id: {target.popolo_id!r} is a "
                f"membership of {target.organization.popolo_id!r}, not of "
                f"{membership.organization_id!r}"
            )
    return problems


def meeting_body_problems(document: Document, kinds: dict[str, str]) -> list[str]:
    """A meeting's organization_id must be a cooperation body (a network, council, forum …):
    by its kind in the file (`kinds`, by id), else as the database holds it."""
    meetings = [event for event in document.of(EventRecord) if event.classification == "meeting"]
    elsewhere = {event.organization_id for event in meetings} - set(kinds)
    held = {**kinds}
    for chunk in chunks(elsewhere):
        held.update(
            Organization.objects.filter(popolo_id__in=chunk).values_list(
                "popolo_id", "classification"
            )
        )
    return [
        f"{where(event)}: organization_id: {event.organization_id!r} is not a cooperation body "
        f"(a network, council, advisory board, partnership table, forum or working group), "
        f"so it has no meetings"
        for event in meetings
        if event.organization_id in held and held[event.organization_id] not in BODY_KINDS
    ]
