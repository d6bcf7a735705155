"""An organisation as one document: its own fields, its sets (themes, target groups, areas of
operation) and its child rows (other names, identifiers, contacts, links).

Editing, moderation and history all speak this one form: a change set holds the document's
changed keys before and after, a version holds the whole document after a change, and
restoring a version is applying its document as a new change. Values are plain JSON (ids for
links to other records) so that they can be stored as they are.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jarjestokartta.core.partial_date_fields import to_finnish
from jarjestokartta.directory.contacts import ContactKind
from jarjestokartta.directory.models import (
    Identifier,
    Link,
    Organization,
    OrganizationContact,
    OrganizationKind,
    OtherName,
    OtherNameKind,
    TargetGroup,
    Theme,
)
from jarjestokartta.geography.models import Area

Document = dict[str, Any]

# The organisation's own fields that the site edits, in the order forms and diffs show them.
SCALARS = [
    "name",
    "name_sv",
    "name_en",
    "classification",
    "area",
    "abstract",
    "description",
    "founding_date",
    "dissolution_date",
    "how_to_join",
    "meetings_min",
    "meetings_max",
    "meetings_note",
]
SETS = {"themes": Theme, "target_groups": TargetGroup, "operating_areas": Area}
# Each child row kind: its model, the relation's name on the organisation, its columns.
ROWS = {
    "other_names": (OtherName, ["name", "kind", "start_date", "end_date"]),
    "identifiers": (Identifier, ["scheme", "identifier"]),
    "contact_details": (OrganizationContact, ["type", "value", "label", "note"]),
    "links": (Link, ["url", "note"]),
}
KEYS = [*SCALARS, *SETS, *ROWS]
# What an editor's change always brings to the coordinator, even for a trusted organisation:
# what identifies the organisation and decides whose region it is in.
ALWAYS_REVIEWED = frozenset({"name", "identifiers", "area"})


def label(key: str) -> str:
    """The key's name as forms, diffs and history show it (the models' verbose names)."""
    if key in ROWS:
        return str(ROWS[key][0]._meta.verbose_name_plural)
    field = Organization._meta.get_field(key)
    return str(field.verbose_name)


def snapshot(org: Organization) -> Document:
    """The organisation's document now (fresh from the database, not from prefetched rows)."""
    document: Document = {key: getattr(org, key) for key in SCALARS if key != "area"}
    document["area"] = org.area_id
    for key in SETS:
        document[key] = sorted(getattr(org, key).values_list("pk", flat=True))
    for key, (model, columns) in ROWS.items():
        rows = model.objects.filter(organization=org).order_by("pk").values(*columns)
        document[key] = [dict(row) for row in rows]
    return document


def changed_keys(before: Document, after: Document) -> list[str]:
    return [key for key in KEYS if key in after and before.get(key) != after.get(key)]


@transaction.atomic
def apply(org: Organization, changes: Document) -> Organization:
    """Write the keys of `changes` to the organisation; child rows are replaced as a whole.
    Saved through the models, so that their signals (the search index) and the organisation's
    own history see the change."""
    for key in SCALARS:
        if key in changes:
            setattr(org, "area_id" if key == "area" else key, changes[key])
    org.full_clean(exclude=["slug", "popolo_id", "parent"], validate_unique=False)
    org.save()
    for key in SETS:
        if key in changes:
            getattr(org, key).set(changes[key])
    for key, (model, columns) in ROWS.items():
        if key in changes:
            model.objects.filter(organization=org).delete()
            for row in changes[key]:
                model.objects.create(organization=org, **{c: row.get(c, "") for c in columns})
    return org


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: str
    before: str
    after: str


def diff(before: Document, after: Document) -> list[FieldChange]:
    """Field by field, what changed, written for people (names, not ids)."""
    keys = changed_keys(before, after)
    names = names_for(keys, before, after)
    return [
        FieldChange(
            key, label(key), shown(key, before.get(key), names), shown(key, after.get(key), names)
        )
        for key in keys
    ]


def names_for(keys: list[str], *documents: Document) -> dict[tuple[str, int], str]:
    """The names of the areas, themes and target groups the documents mention: one query a
    kind."""
    wanted: dict[str, set[int]] = {}
    for key in keys:
        if key == "area" or key == "operating_areas":
            kind = "operating_areas"
        elif key in SETS:
            kind = key
        else:
            continue
        for document in documents:
            value = document.get(key)
            ids = value if isinstance(value, list) else [value]
            wanted.setdefault(kind, set()).update(i for i in ids if i is not None)
    names: dict[tuple[str, int], str] = {}
    for kind, ids in wanted.items():
        for pk, name in SETS[kind].objects.filter(pk__in=ids).values_list("pk", "name"):
            names[(kind, pk)] = name
    return names


DATES = frozenset({"founding_date", "dissolution_date", "start_date", "end_date"})
SCHEME_NAMES = {"ytunnus": "Y-tunnus", "yhdistysrekisteri": _("association register number")}
_CHOICES = {
    "classification": OrganizationKind,
    "kind": OtherNameKind,
    "type": ContactKind,
}


def shown(key: str, value: Any, names: dict[tuple[str, int], str]) -> str:
    if value in (None, "", []):
        return "–"
    if key == "area":
        return names.get(("operating_areas", value), str(value))
    if key in SETS:
        return ", ".join(names.get((key, pk), str(pk)) for pk in value)
    if key == "classification":
        return str(OrganizationKind(value).label) if value in OrganizationKind.values else value
    if key in DATES:
        return to_finnish(value)
    if key in ROWS:
        return "\n".join(_row_text(row) for row in value)
    return str(value)


def _row_text(row: dict[str, Any]) -> str:
    parts = []
    for column, value in row.items():
        if not value:
            continue
        choices = _CHOICES.get(column)
        if choices and value in choices.values:
            value = choices(value).label
        elif column in DATES:
            value = to_finnish(value)
        elif column == "scheme":
            value = SCHEME_NAMES.get(value, value)
        parts.append(str(value))
    return " · ".join(parts)
