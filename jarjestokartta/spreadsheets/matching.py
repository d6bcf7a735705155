"""Which rows are organisations we already have, and what importing them would change.

A row is the organisation with its Y-tunnus; without one (or with one we do not know yet) it is
the organisation of exactly its name in its municipality, or of its name alone when the row
names no municipality and only one organisation has the name. What an update may do is chosen so
that an import never loses anything: an empty cell leaves the value as it is, contacts, web
addresses, themes and target groups are added when not already there and never removed, and a
Y-tunnus is only ever added to an organisation that has none.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from jarjestokartta.core.bulk import chunks
from jarjestokartta.directory.models import (
    ContactKind,
    Identifier,
    Organization,
    OrganizationKind,
)
from jarjestokartta.spreadsheets.checking import Problem, RowValues
from jarjestokartta.spreadsheets.columns import FIELDS

CHUNK = 500


@dataclass(frozen=True)
class Change:
    field: str  # the field's code
    old: str
    new: str  # with `added`: only what is added to `old`, which stays
    added: bool = False

    @property
    def label(self) -> str:
        return str(FIELDS[self.field])


@dataclass
class Update:
    values: RowValues
    organization: Organization
    changes: list[Change]
    # What is added, beside the organisation's own fields that `changes` names.
    add_ytunnus: str | None = None
    add_emails: list[str] = field(default_factory=list)
    add_phones: list[str] = field(default_factory=list)
    add_websites: list[str] = field(default_factory=list)
    add_themes: list = field(default_factory=list)
    add_target_groups: list = field(default_factory=list)


@dataclass
class Plan:
    creations: list[RowValues] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: list[tuple[int, Organization]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def plan(rows: list[RowValues], column_of: dict[str, str]) -> Plan:
    """The plan for rows that passed their checks; `column_of` gives a field's header, for
    naming the column of a problem."""
    result = Plan()
    by_ytunnus = _by_ytunnus([row.ytunnus for row in rows if row.ytunnus])
    # Only rows that their Y-tunnus does not match are looked for by name: loading the same
    # organisations (and their contacts, links and terms) twice doubled a re-import's time.
    by_name = _by_name([row.name for row in rows if row.ytunnus not in by_ytunnus])
    seen: dict[object, int] = {}
    for row in rows:
        organization = by_ytunnus.get(row.ytunnus) if row.ytunnus else None
        if organization is None:
            candidates = _named(by_name, row)
            if len(candidates) > 1:
                result.problems.append(
                    Problem(
                        row.row,
                        column_of["name"],
                        _(
                            "%(count)s organisations are called “%(name)s”; add the Y-tunnus "
                            "or the municipality to say which one is meant."
                        )
                        % {"count": len(candidates), "name": row.name},
                    )
                )
                continue
            organization = candidates[0] if candidates else None
        duplicate = _duplicate_of(row, organization, seen)
        if duplicate is not None:
            result.problems.append(
                Problem(
                    row.row,
                    column_of["ytunnus" if row.ytunnus and "ytunnus" in column_of else "name"],
                    _("The same organisation is already on row %(row)s.") % {"row": duplicate},
                )
            )
            continue
        if organization is None:
            result.creations.append(row)
            continue
        update = _update(row, organization)
        known = _ytunnus_of(organization)
        if row.ytunnus and known and row.ytunnus not in _all_ytunnus(organization):
            result.problems.append(
                Problem(
                    row.row,
                    column_of["ytunnus"],
                    _(
                        "“%(name)s” in this municipality already has the Y-tunnus %(known)s, "
                        "not %(given)s."
                    )
                    % {"name": organization.name, "known": known, "given": row.ytunnus},
                )
            )
        elif update.changes:
            result.updates.append(update)
        else:
            result.unchanged.append((row.row, organization))
    return result


def _named(by_name: dict, row: RowValues) -> list[Organization]:
    """The organisations of the row's exact name in its municipality; when the row names no
    municipality (an empty cell keeps the value), those of the name anywhere."""
    if row.area is not None:
        return by_name.get((row.name, row.area.pk), [])
    return [org for (name, _area), orgs in by_name.items() if name == row.name for org in orgs]


def _duplicate_of(row: RowValues, organization: Organization | None, seen: dict) -> int | None:
    keys: list[object] = [("name", row.name.casefold(), row.area.pk if row.area else None)]
    if row.ytunnus:
        keys.append(("ytunnus", row.ytunnus))
    if organization is not None:
        keys.append(("organization", organization.pk))
    for key in keys:
        if key in seen:
            return seen[key]
    for key in keys:
        seen[key] = row.row
    return None


def _loaded(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    return organizations.select_related("area").prefetch_related(
        Prefetch("identifiers", queryset=Identifier.objects.filter(scheme="ytunnus")),
        "contact_details",
        "links",
        "themes",
        "target_groups",
    )


def _by_ytunnus(values: list[str]) -> dict[str, Organization]:
    found = {}
    for chunk in chunks(values, CHUNK):
        for organization in _loaded(
            Organization.objects.filter(
                identifiers__scheme="ytunnus", identifiers__identifier__in=chunk
            )
        ):
            for identifier in organization.identifiers.all():
                found[identifier.identifier] = organization
    return found


def _by_name(names: list[str]) -> dict[tuple[str, int | None], list[Organization]]:
    found: dict[tuple[str, int | None], list[Organization]] = {}
    unique = sorted(set(names))
    for chunk in chunks(unique, CHUNK):
        for organization in _loaded(Organization.objects.filter(name__in=chunk)):
            found.setdefault((organization.name, organization.area_id), []).append(organization)
    return found


def _ytunnus_of(organization: Organization) -> str | None:
    identifiers = list(organization.identifiers.all())
    return identifiers[0].identifier if identifiers else None


def _all_ytunnus(organization: Organization) -> list[str]:
    return [identifier.identifier for identifier in organization.identifiers.all()]


def _joined(values: Iterable[object]) -> str:
    return ", ".join(str(value) for value in values)


def _update(row: RowValues, organization: Organization) -> Update:
    update = Update(values=row, organization=organization, changes=[])
    changes = update.changes
    if row.name != organization.name:
        changes.append(Change("name", organization.name, row.name))
    if row.area is not None and row.area.pk != organization.area_id:
        changes.append(Change("municipality", str(organization.area or ""), str(row.area)))
    if row.ytunnus and not _ytunnus_of(organization):
        update.add_ytunnus = row.ytunnus
        changes.append(Change("ytunnus", "", row.ytunnus))
    if row.abstract and row.abstract != organization.abstract:
        changes.append(Change("abstract", organization.abstract, row.abstract))
    if row.classification and row.classification != organization.classification:
        changes.append(
            Change(
                "classification",
                str(OrganizationKind(organization.classification).label),
                str(OrganizationKind(row.classification).label),
            )
        )
    contacts = list(organization.contact_details.all())
    for code, kind, given, added in (
        ("email", ContactKind.EMAIL, row.emails, update.add_emails),
        ("phone", ContactKind.PHONE, row.phones, update.add_phones),
    ):
        have = [contact.value for contact in contacts if contact.type == kind]
        added += _new(given, have, _contact_key(kind))
        if added:
            changes.append(Change(code, _joined(have), _joined(added), added=True))
    have = [link.url for link in organization.links.all()]
    update.add_websites = _new(row.websites, have, _url_key)
    if update.add_websites:
        changes.append(Change("website", _joined(have), _joined(update.add_websites), added=True))
    for code, given, added in (
        ("themes", row.themes, update.add_themes),
        ("target_groups", row.target_groups, update.add_target_groups),
    ):
        have = list(getattr(organization, code).all())
        added += [term for term in given if term not in have]
        if added:
            changes.append(Change(code, _joined(have), _joined(added), added=True))
    return update


def _new(given: list[str], have: list[str], key) -> list[str]:
    known = {key(value) for value in have}
    return [value for value in given if key(value) not in known]


def _contact_key(kind: str):
    if kind == ContactKind.PHONE:
        # "040 123 4567" and "+358 40 1234567" are one number.
        def digits(value: str) -> str:
            plain = "".join(c for c in value if c.isdigit())
            return plain[3:] if plain.startswith("358") else plain.lstrip("0")

        return digits
    return str.casefold


def _url_key(url: str) -> str:
    plain = url.casefold().split("://", 1)[-1].removeprefix("www.")
    return plain.rstrip("/")
